import { useMemo, useState } from 'react';
import type { ComponentProps } from 'react';
import { Button, DatePicker, Select } from 'antd';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { HistoryAuthor, StagePeriod } from '@shared/api/history';
import type { ProjectStage } from '@shared/domain/project';
import { useOutlineEntries } from '../../structure';
import type { HistoryFilters } from '../api/historyApi';

interface Option {
  value: string;
  label: string;
}

interface HistoryFiltersBarProps {
  editor: Editor;
  filters: HistoryFilters;
  authors: readonly HistoryAuthor[];
  stages: readonly StagePeriod[];
  onChange: (filters: HistoryFilters) => void;
}

type RangeValue = Parameters<NonNullable<ComponentProps<typeof DatePicker.RangePicker>['onChange']>>[0];

/** Removes a filter (`undefined`) or sets it. */
function withFilter<K extends keyof HistoryFilters>(
  filters: HistoryFilters,
  key: K,
  value: HistoryFilters[K] | undefined,
): HistoryFilters {
  const next = { ...filters };
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next;
}

/**
 * The timeline's filters: a clause from the document's outline (the foreword and bibliography too,
 * and the cover), an organization and a person from those in the history, a stage, a time range.
 */
export function HistoryFiltersBar({ editor, filters, authors, stages, onChange }: HistoryFiltersBarProps) {
  const { t } = useTranslation();
  const outline = useOutlineEntries(editor);

  const clauseOptions = useMemo<Option[]>(() => {
    const options: Option[] = [{ value: 'cover', label: t('history.parts.cover') }];
    for (const entry of outline) {
      if (entry.kind === 'foreword' || entry.kind === 'bibliography') {
        options.push({ value: entry.kind, label: t(`history.parts.${entry.kind}`) });
      } else if (entry.id) {
        const indent = '\u3000'.repeat(Math.max(0, entry.depth - 1));
        options.push({ value: entry.id, label: `${indent}${entry.label} ${entry.title}`.trimEnd() });
      }
    }
    return options;
  }, [outline, t]);

  const organizationOptions = useMemo<Option[]>(() => {
    const seen = new Map<string, string>();
    for (const author of authors) if (author.organizationId) seen.set(author.organizationId, author.organizationName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [authors]);

  const personOptions = useMemo<Option[]>(
    () =>
      authors
        .filter((author) => !filters.organizationId || author.organizationId === filters.organizationId)
        .map((author) => ({ value: author.userId, label: `${author.name}（${author.organizationName}）` })),
    [authors, filters.organizationId],
  );

  const stageOptions = useMemo<Option[]>(() => {
    const seen: ProjectStage[] = [];
    for (const period of stages) if (!seen.includes(period.stage)) seen.push(period.stage);
    return seen.map((stage) => ({ value: stage, label: t(`enums.stage.${stage}`) }));
  }, [stages, t]);

  const active = Object.keys(filters).length > 0;
  const [range, setRange] = useState<RangeValue>(null);
  // Filters cleared elsewhere ("clear filters") clear the picker too.
  if (range && !filters.from && !filters.to) setRange(null);
  const onRange = (next: RangeValue) => {
    setRange(next);
    const [from, to] = next ?? [null, null];
    onChange(
      withFilter(withFilter(filters, 'from', from?.format('YYYY-MM-DD')), 'to', to?.format('YYYY-MM-DD') ?? undefined),
    );
  };

  return (
    <div className="history-filters" data-testid="history-filters">
      <Select<string, Option>
        className="history-filters__wide"
        placeholder={t('history.filters.clause')}
        options={clauseOptions}
        value={filters.clauseId}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={false}
        listHeight={320}
        labelRender={(props) => (typeof props.label === 'string' ? props.label.trim() : props.label)}
        onChange={(value) => onChange(withFilter(filters, 'clauseId', value))}
        data-testid="history-filter-clause"
      />
      <Select<string, Option>
        placeholder={t('history.filters.organization')}
        options={organizationOptions}
        value={filters.organizationId}
        allowClear
        popupMatchSelectWidth={false}
        onChange={(value) => onChange(withFilter(filters, 'organizationId', value))}
        data-testid="history-filter-organization"
      />
      <Select<string, Option>
        placeholder={t('history.filters.person')}
        options={personOptions}
        value={filters.userId}
        allowClear
        popupMatchSelectWidth={false}
        onChange={(value) => onChange(withFilter(filters, 'userId', value))}
        data-testid="history-filter-person"
      />
      <Select<string, Option>
        placeholder={t('history.filters.stage')}
        options={stageOptions}
        value={filters.stage}
        allowClear
        popupMatchSelectWidth={false}
        onChange={(value) => onChange(withFilter(filters, 'stage', value as ProjectStage | undefined))}
        data-testid="history-filter-stage"
      />
      {/* Beside the stage filter, in the grid's free cell. */}
      {active ? (
        <Button
          size="small"
          type="link"
          className="history-filters__clear"
          onClick={() => onChange({})}
          data-testid="history-filters-clear"
        >
          {t('history.filters.clear')}
        </Button>
      ) : null}
      <DatePicker.RangePicker
        className="history-filters__wide"
        placeholder={[t('history.filters.from'), t('history.filters.to')]}
        value={range}
        onChange={onRange}
        allowEmpty={[true, true]}
        data-testid="history-filter-time"
      />
    </div>
  );
}
