import { Input } from 'antd';
import type { CoverField as CoverFieldName } from '@shared/editor/structure/names';
import { useDraftValue } from '../../hooks/useDraftValue';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface CoverFieldProps {
  name: CoverFieldName;
  label: string;
  value: string;
  editable: boolean;
  onCommit: (value: string) => void;
  placeholder?: string;
  kind?: 'text' | 'date';
  className?: string;
}

/** One field of the cover: an input for drafters, the printed value for readers. */
export function CoverField({
  name,
  label,
  value,
  editable,
  onCommit,
  placeholder,
  kind = 'text',
  className,
}: CoverFieldProps) {
  const draft = useDraftValue(value, onCommit);
  const testId = `cover-field-${name}`;
  const classes = `gb-cover__field gb-cover__field--${name}${className ? ` ${className}` : ''}`;
  if (!editable) {
    return (
      <span className={classes} data-testid={testId} data-empty={value ? 'false' : 'true'} title={label}>
        {value || '—'}
      </span>
    );
  }
  // A date picker when the value is a date (or empty); free text otherwise (e.g. "XXXX-XX-XX").
  const asDate = kind === 'date' && (draft.value === '' || ISO_DATE.test(draft.value));
  return (
    <Input
      className={classes}
      data-testid={testId}
      aria-label={label}
      title={label}
      type={asDate ? 'date' : 'text'}
      placeholder={placeholder ?? label}
      value={draft.value}
      variant="underlined"
      onFocus={draft.onFocus}
      onChange={(event) => draft.onChange(event.target.value)}
      onCompositionStart={draft.onCompositionStart}
      onCompositionEnd={(event) => draft.onCompositionEnd(event.currentTarget.value)}
      onBlur={draft.flush}
      onPressEnter={(event) => {
        draft.flush();
        event.currentTarget.blur();
      }}
    />
  );
}
