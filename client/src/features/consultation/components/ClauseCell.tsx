import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemView } from '../../../../../shared/api/consultation';

/** 标准章条编号: the label in the frozen draft, and where the clause is now when it moved or was deleted. */
export function ClauseCell({ item }: { item: ItemView }) {
  const { t } = useTranslation();
  const moved = item.currentClauseLabel !== null && item.currentClauseLabel !== item.clauseLabel;
  const deleted = item.clauseId !== null && item.currentClauseLabel === null;
  return (
    <span data-testid="item-clause">
      <Typography.Text strong>{item.clauseLabel}</Typography.Text>
      {moved ? (
        <Typography.Text type="warning" data-testid="item-clause-current">
          {' → '}
          {t('consultation.item.currentLabel', { label: item.currentClauseLabel })}
        </Typography.Text>
      ) : null}
      {deleted ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('consultation.item.clauseDeleted')}
        </Typography.Text>
      ) : null}
    </span>
  );
}
