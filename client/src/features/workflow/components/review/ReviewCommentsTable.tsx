import { useState } from 'react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewCommentView } from '@shared/api/reviews';
import { CommentDecisionModal } from './CommentDecisionModal';

/**
 * The experts' review comments (the rows of the 审查意见汇总处理表); a clause opens the frozen text
 * there; once the review is closed the drafting group decides each one.
 */
export function ReviewCommentsTable({
  comments,
  onShowClause,
  mayDecide,
  onDecided,
}: {
  comments: ReviewCommentView[];
  onShowClause: (clauseId: string) => void;
  mayDecide: boolean;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<ReviewCommentView | null>(null);
  const columns: TableColumnsType<ReviewCommentView> = [
    { key: 'seq', title: t('review.comment.seq'), dataIndex: 'seq', width: 56 },
    {
      key: 'clause',
      title: t('review.comment.clause'),
      width: 90,
      render: (_, c) =>
        c.clauseId ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onShowClause(c.clauseId ?? '')}>
            {c.clauseLabel}
          </Button>
        ) : (
          c.clauseLabel
        ),
    },
    { key: 'comment', title: t('review.comment.comment'), dataIndex: 'comment' },
    { key: 'change', title: t('review.comment.proposedChange'), dataIndex: 'proposedChange' },
    { key: 'expert', title: t('review.expert'), dataIndex: 'expertName', width: 90 },
    {
      key: 'decision',
      title: t('review.comment.decision'),
      width: mayDecide ? 150 : 100,
      render: (_, c) => (
        <Space direction="vertical" size={2}>
          <Space size={4}>
            {c.decision ? (
              <Tag color={c.decision === 'rejected' ? 'red' : 'green'}>{t(`consultation.decision.${c.decision}`)}</Tag>
            ) : (
              <Tag color="default">{t('consultation.decision.open')}</Tag>
            )}
            {mayDecide ? (
              <Button size="small" type="link" onClick={() => setDeciding(c)} data-testid="review-decide">
                {t('review.decide.button')}
              </Button>
            ) : null}
          </Space>
          {c.reason ? <Typography.Text type="secondary">{c.reason}</Typography.Text> : null}
        </Space>
      ),
    },
  ];
  return (
    <>
      <CommentDecisionModal comment={deciding} onClose={() => setDeciding(null)} onDecided={onDecided} />
      <Table<ReviewCommentView>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={comments}
        pagination={false}
        locale={{ emptyText: t('review.comment.none') }}
        data-testid="review-comments"
      />
    </>
  );
}
