import { useState } from 'react';
import { Alert, Button, Flex, Table } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OrganizationView } from '@shared/api/types';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import type { Organizations } from '../../organizations';
import { OrganizationFormModal } from './OrganizationFormModal';

export function OrganizationsPanel({ organizations }: { organizations: Organizations }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<OrganizationView | null>(null);
  const closeForm = () => {
    setCreating(false);
    setEditing(null);
  };

  const columns: TableProps<OrganizationView>['columns'] = [
    {
      key: 'name',
      title: t('admin.orgName'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    { key: 'code', title: t('admin.creditCode'), render: (_, o) => <code>{o.creditCode}</code>, width: 200 },
    {
      key: 'kind',
      title: t('admin.kind'),
      width: 200,
      render: (_, o) =>
        o.bureauLevel
          ? `${t(`enums.organizationKind.${o.kind}`)}（${t(`enums.bureauLevel.${o.bureauLevel}`)}）`
          : t(`enums.organizationKind.${o.kind}`),
      filters: [...new Set(organizations.list.map((o) => o.kind))].map((kind) => ({
        text: t(`enums.organizationKind.${kind}`),
        value: kind,
      })),
      onFilter: (value, o) => o.kind === value,
    },
    {
      key: 'created',
      title: t('admin.createdAt'),
      width: 160,
      render: (_, o) => (o.createdAt ? formatDateTime(o.createdAt) : '—'),
    },
    {
      key: 'actions',
      title: t('app.actions'),
      width: 90,
      render: (_, o) => (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing(o)}
          data-testid={`organization-edit-${o.id}`}
        >
          {t('admin.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="flex-end">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="organization-create"
        >
          {t('admin.createOrganization')}
        </Button>
      </Flex>
      {organizations.error ? <Alert type="error" showIcon title={describeError(organizations.error, t)} /> : null}
      <Table<OrganizationView>
        rowKey="id"
        data-testid="organization-list"
        columns={columns}
        dataSource={organizations.list}
        loading={organizations.loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
      />
      <OrganizationFormModal
        key={editing?.id ?? 'new'}
        open={creating || editing !== null}
        organization={editing}
        onClose={closeForm}
        onSaved={() => {
          closeForm();
          organizations.reload();
        }}
      />
    </Flex>
  );
}
