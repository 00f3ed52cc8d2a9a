import { Result, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth';
import { useOrganizations } from '../../organizations';
import { OrganizationsPanel } from './OrganizationsPanel';
import { UsersPanel } from './UsersPanel';

/** /admin: organizations and user accounts, for administrators only. */
export function AdminPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const organizations = useOrganizations();
  if (!user.isAdmin) return <Result status="403" title={t('admin.forbidden')} />;
  return (
    <div className="page">
      <Typography.Title level={3} className="page__header" style={{ marginTop: 0 }}>
        {t('admin.title')}
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'organizations',
            label: t('admin.organizations'),
            children: <OrganizationsPanel organizations={organizations} />,
          },
          {
            key: 'users',
            label: t('admin.users'),
            children: <UsersPanel organizations={organizations.list} currentUserId={user.id} />,
          },
        ]}
      />
    </div>
  );
}
