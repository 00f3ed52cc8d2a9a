import { App, Button, Popconfirm, Table } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvitationView } from '@shared/api/types';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { projectsApi } from '../api/projectsApi';
import { RoleTag } from './RoleTag';

interface InvitationsTableProps {
  projectId: string;
  invitations: InvitationView[];
  loading: boolean;
  onChanged: () => void;
}

/** Invitations not accepted yet, each revocable by the project's managers. */
export function InvitationsTable({ projectId, invitations, loading, onChanged }: InvitationsTableProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const revoke = async (invitation: InvitationView) => {
    try {
      await projectsApi.revokeInvitation(projectId, invitation.id);
      void message.success(t('invite.revoked'));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      onChanged();
    }
  };

  const columns: TableProps<InvitationView>['columns'] = [
    { key: 'email', title: t('invite.email'), dataIndex: 'email' },
    { key: 'organization', title: t('invite.organization'), dataIndex: 'organizationName' },
    { key: 'relation', title: t('invite.relation'), render: (_, i) => t(`enums.relation.${i.relation}`) },
    { key: 'role', title: t('invite.role'), render: (_, i) => <RoleTag role={i.role} /> },
    { key: 'created', title: t('invite.createdAt'), render: (_, i) => formatDateTime(i.createdAt) },
    { key: 'expires', title: t('invite.expiresAt'), render: (_, i) => formatDateTime(i.expiresAt) },
    {
      key: 'actions',
      title: t('app.actions'),
      render: (_, invitation) => (
        <Popconfirm
          title={t('invite.revokeConfirm', { email: invitation.email })}
          okText={t('app.confirm')}
          cancelText={t('app.cancel')}
          onConfirm={() => revoke(invitation)}
        >
          <Button danger type="link" size="small">
            {t('invite.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Table<InvitationView>
      rowKey="id"
      data-testid="invitation-list"
      size="small"
      columns={columns}
      dataSource={invitations}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('invite.empty') }}
      scroll={{ x: 800 }}
    />
  );
}
