import { useMemo, useState } from 'react';
import { Empty, Input, Modal, Segmented, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Numbering } from '@shared/editor/structure/numberingTypes';
import { TARGET_GROUPS, crossRefTargets, filterTargets } from '../lib/crossRefTargets';
import type { CrossRefTarget, TargetGroup } from '../lib/crossRefTargets';

function isGroupKey(key: string): key is TargetGroup | 'all' {
  return key === 'all' || (TARGET_GROUPS as readonly string[]).includes(key);
}

export interface TargetSource {
  key: 'own' | 'standard';
  numbering: Numbering;
}

interface CrossRefPickerProps {
  open: boolean;
  sources: readonly TargetSource[];
  onPick: (targetId: string) => void;
  onClose: () => void;
}

/** 交叉引用: a searchable list of the numbered targets (clauses, tables, figures, annexes, terms, references). */
export function CrossRefPicker({ open, sources, onPick, onClose }: CrossRefPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState<TargetGroup | 'all'>('all');
  const [sourceKey, setSourceKey] = useState<TargetSource['key']>('own');
  const source = sources.find((s) => s.key === sourceKey) ?? sources[0];
  const targets = useMemo(() => (source ? crossRefTargets(source.numbering) : []), [source]);
  const visible = useMemo(() => filterTargets(targets, query, group), [targets, query, group]);

  const pick = (target: CrossRefTarget) => {
    onPick(target.id);
    setQuery('');
  };

  return (
    <Modal
      open={open}
      title={t('structure.crossRef.title')}
      onCancel={onClose}
      footer={null}
      width={620}
      destroyOnHidden
    >
      <div className="crossref-picker" data-testid="crossref-picker">
        {sources.length > 1 ? (
          <Segmented<TargetSource['key']>
            block
            value={source?.key}
            onChange={setSourceKey}
            options={sources.map((s) => ({ value: s.key, label: t(`structure.crossRef.sources.${s.key}`) }))}
          />
        ) : null}
        <Input.Search
          autoFocus
          allowClear
          value={query}
          placeholder={t('structure.crossRef.search')}
          onChange={(event) => setQuery(event.target.value)}
          onSearch={() => {
            const first = visible[0];
            if (first) pick(first);
          }}
          data-testid="crossref-search"
        />
        <Tabs
          size="small"
          activeKey={group}
          onChange={(key) => setGroup(isGroupKey(key) ? key : 'all')}
          items={(['all', ...TARGET_GROUPS] as const).map((key) => ({
            key,
            label: t(`structure.crossRef.groups.${key}`),
          }))}
        />
        {visible.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('structure.crossRef.empty')} />
        ) : (
          <ul className="crossref-picker__list">
            {visible.map((target) => (
              <li key={target.id}>
                <button
                  type="button"
                  className={`crossref-picker__item crossref-picker__item--depth-${Math.min(target.depth, 4)}`}
                  data-testid="crossref-target"
                  data-label={target.label}
                  data-target-id={target.id}
                  onClick={() => pick(target)}
                >
                  <span className="crossref-picker__label">{target.label}</span>
                  <span className="crossref-picker__title">{target.title}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Modal>
  );
}
