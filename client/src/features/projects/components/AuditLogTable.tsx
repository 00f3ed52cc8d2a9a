import { Alert, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditView } from '@shared/api/types';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { projectsApi } from '../api/projectsApi';
import { describeAuditDetail } from '../lib/auditDetail';

const KNOWN_ACTIONS = [
  'project.created',
  'project.updated',
  'member.added',
  'member.invited',
  'member.removed',
  'member.updated',
  'invitation.accepted',
  'invitation.revoked',
  'consultation.opened',
  'consultation.no-comments',
  'consultation.recipient-added',
  'consultation.recipient-removed',
  'consultation.recipient-updated',
] as const;
type KnownAction = (typeof KNOWN_ACTIONS)[number];

function isKnownAction(action: string): action is KnownAction {
  return (KNOWN_ACTIONS as readonly string[]).includes(action);
}

/** GET /api/projects/:id/audit, newest first. */
export function AuditLogTable({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const audit = useApiQuery((signal) => projectsApi.audit(projectId, signal), [projectId]);

  const columns: TableProps<AuditView>['columns'] = [
    { key: 'at', title: t('audit.at'), width: 160, render: (_, entry) => formatDateTime(entry.at) },
    { key: 'actor', title: t('audit.actor'), width: 140, dataIndex: 'actorName' },
    {
      key: 'action',
      title: t('audit.action'),
      width: 200,
      render: (_, entry) =>
        isKnownAction(entry.action) ? (
          <span title={entry.action}>{t(`audit.actions.${entry.action}`)}</span>
        ) : (
          <Typography.Text code>{entry.action}</Typography.Text>
        ),
    },
    {
      key: 'detail',
      title: t('audit.detail'),
      render: (_, entry) => <Typography.Text type="secondary">{describeAuditDetail(t, entry)}</Typography.Text>,
    },
  ];

  if (audit.error) return <Alert type="error" showIcon title={describeError(audit.error, t)} />;
  return (
    <Table<AuditView>
      rowKey="id"
      data-testid="audit-log"
      size="small"
      columns={columns}
      dataSource={audit.data ?? []}
      loading={audit.loading}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t('audit.empty') }}
      scroll={{ x: 800 }}
    />
  );
}
