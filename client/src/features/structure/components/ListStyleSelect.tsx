import { memo } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isListStyle } from '@shared/editor/structure/names';
import type { ListStyle } from '@shared/editor/structure/names';

const STYLES: readonly ListStyle[] = ['dash', 'letter', 'number'];
const MARKERS: Record<ListStyle, string> = { dash: '——', letter: 'a)', number: '1)' };

interface ListStyleSelectProps {
  value: ListStyle | null;
  disabled: boolean;
  onChange: (style: ListStyle) => void;
}

/**
 * GB/T 1.1 list styles: —— dashes, a) b) c), 1) 2) 3). Starts a list when the cursor is in none.
 * Memoized (re-renders only when its value changes; `onChange` must be stable).
 */
export const ListStyleSelect = memo(function ListStyleSelect({ value, disabled, onChange }: ListStyleSelectProps) {
  const { t } = useTranslation();
  return (
    <Select<ListStyle>
      value={value ?? undefined}
      placeholder={t('structure.list.placeholder')}
      disabled={disabled}
      onChange={onChange}
      style={{ width: 76 }}
      popupMatchSelectWidth={false}
      aria-label={t('structure.list.label')}
      data-testid="list-style"
      options={STYLES.map((style) => ({
        value: style,
        label: (
          <span title={t(`structure.list.${style}`)}>
            <span className="list-style-marker">{MARKERS[style]}</span> {t(`structure.list.${style}`)}
          </span>
        ),
      }))}
      labelRender={({ value: selected }) => (isListStyle(selected) ? MARKERS[selected] : '')}
    />
  );
});
