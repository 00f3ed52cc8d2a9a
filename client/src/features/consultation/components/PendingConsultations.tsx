import { Card, Flex, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PendingConsultation } from '@shared/api/consultation';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { isPast } from '../../../lib/format';
import { consultationApi } from '../api/consultationApi';
import { roundPath } from '../lib/paths';
import { ReplyTag } from './ReplyTag';

/**
 * 待回复的征求意见: the open rounds sent to the caller's unit — for users of a consulted unit outside
 * the drafting group, the way in to the round. Shown only when there is one.
 */
export function PendingConsultations() {
  const { t } = useTranslation();
  const pending = useApiQuery((signal) => consultationApi.pending(signal), []);
  const rows = pending.data ?? [];
  if (rows.length === 0) return null;

  const columns: TableProps<PendingConsultation>['columns'] = [
    {
      key: 'round',
      title: t('consultation.pending.round'),
      render: (_, p) => (
        <Flex vertical gap={2}>
          <Link to={roundPath(p.projectId, p.roundId)} data-testid="pending-round-link">
            {p.title}
          </Link>
          <Typography.Text type="secondary">{p.standardName}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'unit',
      title: t('consultation.pending.unit'),
      render: (_, p) => (
        <Flex vertical gap={4}>
          {p.units.map((u) => (
            <span key={u.recipientId}>
              {u.unitName} <ReplyTag reply={u.reply} />
              {u.items > 0 ? t('consultation.recipient.itemCount', { count: u.items }) : null}
            </span>
          ))}
        </Flex>
      ),
    },
    {
      key: 'deadline',
      title: t('consultation.round.deadline'),
      width: 140,
      render: (_, p) => (
        <Typography.Text type={isPast(p.deadline) ? 'danger' : undefined}>{p.deadline}</Typography.Text>
      ),
    },
    {
      key: 'scope',
      title: '',
      width: 140,
      render: (_, p) =>
        p.unitOnly ? (
          <Tag>{t('consultation.recipient.outside')}</Tag>
        ) : (
          <Tag color="blue">{t('consultation.recipient.inGroup')}</Tag>
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('consultation.pending.title')}
      style={{ marginBottom: 16 }}
      data-testid="pending-consultations"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('consultation.pending.intro')}
      </Typography.Paragraph>
      <Table<PendingConsultation>
        rowKey="roundId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
      />
    </Card>
  );
}
