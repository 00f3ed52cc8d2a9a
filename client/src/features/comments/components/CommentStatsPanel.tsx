import { Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentCommentStats } from '@shared/api/comments';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { commentsApi } from '../api/commentsApi';
import { useReloadOnProjectEvents } from '../../../realtime/useReloadOnProjectEvents';

const STATS_EVENTS = ['comment-stats-changed'] as const;

/**
 * 评论统计: open / resolved / orphaned threads per document of the project, as the server keeps
 * them (CommentStatsExtension); refetched when the server announces new statistics.
 */
export function CommentStatsPanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const stats = useApiQuery((signal) => commentsApi.stats(projectId, signal), [projectId]);
  useReloadOnProjectEvents(projectId, STATS_EVENTS, stats.reload);

  const count = (value: number, type?: 'warning' | 'secondary') =>
    value > 0 ? (
      <Typography.Text type={type}>{value}</Typography.Text>
    ) : (
      <Typography.Text type="secondary">0</Typography.Text>
    );
  const columns: TableProps<DocumentCommentStats>['columns'] = [
    {
      key: 'document',
      title: t('commentStats.document'),
      render: (_, d) => (
        <Link to={`/documents/${encodeURIComponent(d.documentId)}`}>{t(`enums.documentKind.${d.kind}`)}</Link>
      ),
    },
    { key: 'open', title: t('comments.status.open'), width: 120, align: 'right', render: (_, d) => count(d.open) },
    {
      key: 'resolved',
      title: t('comments.status.resolved'),
      width: 120,
      align: 'right',
      render: (_, d) => count(d.resolved, 'secondary'),
    },
    {
      key: 'orphaned',
      title: t('comments.status.orphaned'),
      width: 120,
      align: 'right',
      render: (_, d) => count(d.orphaned, 'warning'),
    },
    {
      key: 'organizations',
      title: t('commentStats.byOrganization'),
      render: (_, d) =>
        d.byOrganization.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          d.byOrganization
            .map((o) =>
              t('commentStats.organizationCounts', { name: o.organizationName, open: o.open, resolved: o.resolved }),
            )
            .join('；')
        ),
    },
  ];

  return (
    <Table<DocumentCommentStats>
      rowKey="documentId"
      size="small"
      data-testid="comment-stats"
      loading={stats.loading && !stats.data}
      columns={columns}
      dataSource={stats.data?.documents ?? []}
      pagination={false}
      onRow={(d) =>
        ({
          'data-document': d.kind,
          'data-open': String(d.open),
          'data-resolved': String(d.resolved),
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}
