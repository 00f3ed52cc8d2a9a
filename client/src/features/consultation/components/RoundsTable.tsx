import { Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RoundListItem } from '@shared/api/consultation';
import { formatDate, isPast } from '../../../lib/format';
import { roundPath } from '../lib/paths';

/** The rounds of a project: 轮次, title, 征求意见稿, dates, status and the live counts. */
export function RoundsTable({ rounds, loading }: { rounds: RoundListItem[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableProps<RoundListItem>['columns'] = [
    {
      key: 'number',
      title: t('consultation.round.number'),
      width: 90,
      render: (_, r) => t('consultation.round.numberValue', { number: r.number }),
    },
    {
      key: 'title',
      title: t('consultation.round.title'),
      render: (_, r) => (
        <Link to={roundPath(r.projectId, r.id)} data-testid="round-link">
          {r.title}
        </Link>
      ),
    },
    {
      key: 'stage',
      title: t('consultation.round.stage'),
      width: 110,
      render: (_, r) => <Tag color="geekblue">{r.stageLabel}</Tag>,
    },
    { key: 'opened', title: t('consultation.round.opened'), width: 120, render: (_, r) => formatDate(r.openedAt) },
    {
      key: 'deadline',
      title: t('consultation.round.deadline'),
      width: 120,
      render: (_, r) =>
        r.closedAt === null && isPast(r.deadline) ? (
          <Typography.Text type="danger">{r.deadline}</Typography.Text>
        ) : (
          r.deadline
        ),
    },
    {
      key: 'status',
      title: t('consultation.round.status'),
      width: 100,
      render: (_, r) =>
        r.closedAt ? (
          <Tag>{t('consultation.round.closed')}</Tag>
        ) : (
          <Tag color="processing">{t('consultation.round.openStatus')}</Tag>
        ),
    },
    {
      key: 'replies',
      title: t('consultation.round.replies'),
      width: 120,
      render: (_, r) => t('consultation.round.repliesValue', { replied: r.summary.replied, sent: r.summary.sent }),
    },
    {
      key: 'items',
      title: t('consultation.round.items'),
      render: (_, r) => (
        <span data-testid="round-counts" data-items={r.summary.items} data-open={r.summary.open}>
          {t('consultation.round.itemsValue', {
            items: r.summary.items,
            accepted: r.summary.accepted,
            partly: r.summary.partlyAccepted,
            rejected: r.summary.rejected,
            open: r.summary.open,
          })}
        </span>
      ),
    },
  ];
  return (
    <Table<RoundListItem>
      rowKey="id"
      size="small"
      data-testid="rounds-table"
      columns={columns}
      dataSource={rounds}
      loading={loading}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('consultation.round.empty') }}
      onRow={(r) => roundRowAttributes(r)}
    />
  );
}

function roundRowAttributes(r: RoundListItem): React.HTMLAttributes<HTMLElement> {
  const attributes: Record<string, string> = {
    'data-testid': 'round-row',
    'data-round-id': r.id,
    'data-number': String(r.number),
  };
  return attributes;
}
