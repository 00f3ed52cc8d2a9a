import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutlineEntry } from '@shared/api/consultation';

/** The clause a comment is about: a numbered node of the frozen draft, or a typed 标准章条编号. */
export interface ClauseValue {
  clauseId: string | null;
  clauseLabel: string;
}

/** Remarks that concern no numbered clause. */
const GENERAL_LABELS = ['全文', '封面', '前言', '目次', '参考文献'];

interface ClauseOption {
  value: string;
  label: string;
  search: string;
}

const ID_PREFIX = 'id:';
const LABEL_PREFIX = 'label:';

function toKey(value: ClauseValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.clauseId) return `${ID_PREFIX}${value.clauseId}`;
  return value.clauseLabel ? `${LABEL_PREFIX}${value.clauseLabel}` : undefined;
}

function fromKey(key: string, outline: readonly OutlineEntry[]): ClauseValue {
  if (key.startsWith(ID_PREFIX)) {
    const id = key.slice(ID_PREFIX.length);
    return { clauseId: id, clauseLabel: outline.find((o) => o.id === id)?.label ?? '' };
  }
  return { clauseId: null, clauseLabel: key.slice(LABEL_PREFIX.length) };
}

interface ClausePickerProps {
  outline: readonly OutlineEntry[];
  value?: ClauseValue;
  onChange?: (value: ClauseValue | undefined) => void;
  loading?: boolean;
  'data-testid'?: string;
}

/**
 * Chooses from the frozen draft's outline (chapters, clauses, annexes; sends `clauseId`), a general
 * remark (全文, 前言 …), or whatever number is typed ("表1", "5.2"; the server matches it to the draft).
 */
export function ClausePicker({ outline, value, onChange, loading, 'data-testid': testId }: ClausePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');

  const baseOptions = useMemo<ClauseOption[]>(
    () => [
      ...GENERAL_LABELS.map((label) => ({ value: `${LABEL_PREFIX}${label}`, label, search: label })),
      ...outline.map((entry) => ({
        value: `${ID_PREFIX}${entry.id}`,
        label: `${'\u3000'.repeat(Math.max(0, entry.depth - 1))}${entry.label}  ${entry.title}`,
        search: `${entry.label} ${entry.title}`,
      })),
    ],
    [outline],
  );

  const key = toKey(value);
  const typed = search.trim();
  const options = useMemo(() => {
    const list = [...baseOptions];
    // A typed label that is not one of the options is offered as it is.
    if (typed && !list.some((o) => o.search === typed || o.search.startsWith(`${typed} `))) {
      list.unshift({
        value: `${LABEL_PREFIX}${typed}`,
        label: t('consultation.clause.useTyped', { label: typed }),
        search: typed,
      });
    }
    // The current value must have an option to be displayed.
    if (key && !list.some((o) => o.value === key) && value) {
      list.unshift({ value: key, label: value.clauseLabel, search: value.clauseLabel });
    }
    return list;
  }, [baseOptions, typed, key, value, t]);

  return (
    <Select<string, ClauseOption>
      value={key}
      options={options}
      loading={loading}
      allowClear
      placeholder={t('consultation.clause.placeholder')}
      data-testid={testId}
      showSearch={{
        searchValue: search,
        onSearch: setSearch,
        filterOption: (input, option) => option?.search.toLowerCase().includes(input.trim().toLowerCase()) ?? false,
      }}
      labelRender={(props) => (typeof props.label === 'string' ? props.label.trim() : props.label)}
      onChange={(next) => {
        setSearch('');
        onChange?.(next ? fromKey(next, outline) : undefined);
      }}
      popupMatchSelectWidth={false}
      listHeight={320}
    />
  );
}
