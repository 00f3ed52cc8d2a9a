import { useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OrganizationView } from '@shared/api/types';
import type { PublicUser } from '@shared/domain/user';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { describeError } from '../../../lib/errors';
import { usersApi } from '../api/usersApi';
import { UserCreateModal } from './UserCreateModal';
import { UserEditModal } from './UserEditModal';

interface UsersPanelProps {
  organizations: OrganizationView[];
  currentUserId: string;
}

export function UsersPanel({ organizations, currentUserId }: UsersPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const users = useApiQuery((signal) => usersApi.list(signal), []);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<PublicUser | null>(null);

  const setActive = async (user: PublicUser, active: boolean) => {
    try {
      await usersApi.update(user.id, { active });
      void message.success(t('admin.userUpdated'));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      users.reload();
    }
  };

  const columns: TableProps<PublicUser>['columns'] = [
    {
      key: 'name',
      title: t('admin.userName'),
      render: (_, u) => (
        <span>
          <Typography.Text strong>{u.name}</Typography.Text>
          {u.isAdmin ? (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('admin.isAdmin')}
            </Tag>
          ) : null}
        </span>
      ),
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    { key: 'email', title: t('admin.email'), dataIndex: 'email' },
    { key: 'phone', title: t('admin.phone'), render: (_, u) => u.phone || '—', width: 140 },
    { key: 'organization', title: t('admin.organization'), dataIndex: 'organizationName' },
    {
      key: 'active',
      title: t('admin.active'),
      width: 100,
      render: (_, u) => (u.active ? <Tag color="green">{t('admin.activeYes')}</Tag> : <Tag>{t('admin.activeNo')}</Tag>),
    },
    {
      key: 'actions',
      title: t('app.actions'),
      width: 170,
      render: (_, u) => (
        <span>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(u)}
            data-testid={`user-edit-${u.email}`}
          >
            {t('admin.edit')}
          </Button>
          {activeToggle(u)}
        </span>
      ),
    },
  ];

  function activeToggle(u: PublicUser) {
    return u.id === currentUserId ? null : u.active ? (
      <Popconfirm
        title={t('admin.disableConfirm', { name: u.name })}
        okText={t('app.confirm')}
        cancelText={t('app.cancel')}
        onConfirm={() => setActive(u, false)}
      >
        <Button danger type="link" size="small">
          {t('admin.disable')}
        </Button>
      </Popconfirm>
    ) : (
      <Button type="link" size="small" onClick={() => void setActive(u, true)}>
        {t('admin.enable')}
      </Button>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Flex justify="flex-end">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
          {t('admin.createUser')}
        </Button>
      </Flex>
      {users.error ? <Alert type="error" showIcon title={describeError(users.error, t)} /> : null}
      <Table<PublicUser>
        rowKey="id"
        data-testid="user-list"
        columns={columns}
        dataSource={users.data ?? []}
        loading={users.loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
      />
      <UserEditModal
        user={editing}
        organizations={organizations}
        isSelf={editing?.id === currentUserId}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          users.reload();
        }}
      />
      <UserCreateModal
        open={creating}
        organizations={organizations}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          users.reload();
        }}
      />
    </Flex>
  );
}
