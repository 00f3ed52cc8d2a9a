import { App, Button, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MemberView, OrganizationView } from '@shared/api/types';
import { allowedRoles, fallbackRole } from '@shared/domain/memberRoles';
import { MEMBER_RELATIONS } from '@shared/domain/roles';
import type { MemberRelation, ProjectRole } from '@shared/domain/roles';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { projectsApi } from '../api/projectsApi';
import { RoleTag } from './RoleTag';

interface MembersTableProps {
  projectId: string;
  members: MemberView[];
  /** To know each member's organization kind (bureau staff are offered read-only roles only). */
  organizations: OrganizationView[];
  canManage: boolean;
  currentUserId: string;
  onChanged: () => void;
}

/** The drafting group (起草组); managers change roles and relations and remove members in place. */
export function MembersTable({
  projectId,
  members,
  organizations,
  canManage,
  currentUserId,
  onChanged,
}: MembersTableProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const kindOf = (member: MemberView) => organizations.find((o) => o.id === member.organizationId)?.kind ?? null;

  /** A new relation keeps the role when it fits, otherwise the first fitting role is sent with it. */
  const changeRelation = (member: MemberView, relation: MemberRelation) => {
    const kind = kindOf(member);
    if (allowedRoles(relation, kind).includes(member.role)) return update(member, { relation });
    const role = fallbackRole(relation, kind);
    void message.info(t('members.roleAdjusted', { role: t(`enums.role.${role}`) }));
    return update(member, { relation, role });
  };

  const update = async (member: MemberView, change: { role?: ProjectRole; relation?: MemberRelation }) => {
    try {
      await projectsApi.updateMember(projectId, member.userId, change);
      void message.success(t('members.updated'));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      onChanged();
    }
  };

  const remove = async (member: MemberView) => {
    try {
      await projectsApi.removeMember(projectId, member.userId);
      void message.success(t('members.removed'));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      onChanged();
    }
  };

  const columns: TableProps<MemberView>['columns'] = [
    {
      key: 'name',
      title: t('members.name'),
      render: (_, member) => (
        <div>
          <Typography.Text strong>{member.name}</Typography.Text>
          {member.userId === currentUserId ? <Tag style={{ marginLeft: 8 }}>{t('nav.me')}</Tag> : null}
          <div>
            <Typography.Text type="secondary">{member.email}</Typography.Text>
          </div>
        </div>
      ),
    },
    { key: 'organization', title: t('members.organization'), dataIndex: 'organizationName' },
    {
      key: 'relation',
      title: t('members.relation'),
      width: 200,
      render: (_, member) =>
        canManage ? (
          <Select<MemberRelation>
            value={member.relation}
            style={{ width: '100%' }}
            popupMatchSelectWidth={false}
            aria-label={t('members.relation')}
            options={MEMBER_RELATIONS.map((v) => ({ value: v, label: t(`enums.relation.${v}`) }))}
            onChange={(relation) => void changeRelation(member, relation)}
          />
        ) : (
          t(`enums.relation.${member.relation}`)
        ),
    },
    {
      key: 'role',
      title: t('members.role'),
      width: 140,
      render: (_, member) =>
        canManage ? (
          <Select<ProjectRole>
            value={member.role}
            style={{ width: '100%' }}
            aria-label={t('members.role')}
            options={allowedRoles(member.relation, kindOf(member)).map((v) => ({
              value: v,
              label: t(`enums.role.${v}`),
            }))}
            onChange={(role) => void update(member, { role })}
          />
        ) : (
          <RoleTag role={member.role} />
        ),
    },
    { key: 'added', title: t('members.addedAt'), width: 150, render: (_, member) => formatDateTime(member.addedAt) },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('app.actions'),
            width: 90,
            render: (_: unknown, member: MemberView) => (
              <Popconfirm
                title={t('members.removeConfirm', { name: member.name })}
                okText={t('app.confirm')}
                cancelText={t('app.cancel')}
                onConfirm={() => remove(member)}
              >
                <Button danger type="text" icon={<DeleteOutlined />} aria-label={t('members.remove')} />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Table<MemberView>
      rowKey="userId"
      data-testid="member-list"
      columns={columns}
      dataSource={members}
      pagination={false}
      locale={{ emptyText: t('members.empty') }}
      scroll={{ x: 900 }}
    />
  );
}
