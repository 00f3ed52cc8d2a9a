import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ItemView } from '@shared/api/consultation';
import { documentNodePath } from '../lib/paths';

interface ClauseCellProps {
  item: ItemView;
  /** The round's standard text (for the link to the clause in the current text). */
  documentId: string;
  /** Shows the clause in the frozen draft (the round's 征求意见稿 tab). */
  onShowInDraft: (clauseId: string) => void;
  /** A consulted unit outside the group sees the frozen draft only, not the current text. */
  unitOnly: boolean;
}

/**
 * 标准章条编号: the label in the frozen draft (a link to the clause there), and — where the clause
 * still exists — a link to it in the current text, with its current number when it moved.
 */
export function ClauseCell({ item, documentId, onShowInDraft, unitOnly }: ClauseCellProps) {
  const { t } = useTranslation();
  const clauseId = item.clauseId;
  const moved = item.currentClauseLabel !== null && item.currentClauseLabel !== item.clauseLabel;
  const deleted = clauseId !== null && item.currentClauseLabel === null;
  return (
    <span data-testid="item-clause">
      {clauseId ? (
        <Typography.Link
          strong
          onClick={() => onShowInDraft(clauseId)}
          data-testid="item-clause-draft"
          title={t('consultation.item.showInDraft')}
        >
          {item.clauseLabel}
        </Typography.Link>
      ) : (
        <Typography.Text strong>{item.clauseLabel}</Typography.Text>
      )}
      {!unitOnly && clauseId && item.currentClauseLabel !== null ? (
        <Link
          to={documentNodePath(documentId, clauseId)}
          data-testid="item-clause-current"
          className="consultation-item__meta"
          style={{ display: 'block' }}
        >
          {moved
            ? t('consultation.item.currentLabel', { label: item.currentClauseLabel })
            : t('consultation.item.inCurrentText')}
        </Link>
      ) : null}
      {!unitOnly && deleted ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('consultation.item.clauseDeleted')}
        </Typography.Text>
      ) : null}
    </span>
  );
}
