import { Button, Flex, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import {
  LogoutOutlined,
  SettingOutlined,
  UserOutlined,
  AppstoreOutlined,
  DashboardOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { App as AntApp } from 'antd';
import { useAuth, useCurrentUser } from '../../auth';
import { useOrganizations } from '../../organizations';
import { describeError } from '../../../lib/errors';
import { LanguageSwitch } from '../../../components/LanguageSwitch';

/** Header with the product name, navigation, the signed-in user and the language switch. */
export function AppShell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = AntApp.useApp();

  const organizations = useOrganizations();
  // Bureau staff (and administrators) have the dashboard of their jurisdiction.
  const bureau = organizations.byId.get(user.organizationId)?.kind === 'market-supervision-bureau';
  const selected = location.pathname.startsWith('/admin')
    ? 'admin'
    : location.pathname.startsWith('/dashboard')
      ? 'dashboard'
      : location.pathname.startsWith('/recognition')
        ? 'recognition'
        : 'projects';
  const items = [
    ...(bureau || user.isAdmin
      ? [
          {
            key: 'dashboard',
            icon: <DashboardOutlined />,
            label: (
              <Link to="/dashboard" data-testid="nav-dashboard">
                {t('nav.dashboard')}
              </Link>
            ),
          },
        ]
      : []),
    { key: 'projects', icon: <AppstoreOutlined />, label: <Link to="/projects">{t('nav.projects')}</Link> },
    {
      key: 'recognition',
      icon: <SafetyCertificateOutlined />,
      label: (
        <Link to="/recognition" data-testid="nav-recognition">
          {t('nav.recognition')}
        </Link>
      ),
    },
    ...(user.isAdmin
      ? [{ key: 'admin', icon: <SettingOutlined />, label: <Link to="/admin">{t('nav.admin')}</Link> }]
      : []),
  ];

  const handleSignOut = async () => {
    try {
      await signOut();
      void message.success(t('auth.signedOut'));
      void navigate('/login', { replace: true });
    } catch (error) {
      void message.error(describeError(error, t));
    }
  };

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        <Link to="/projects" className="app-header__brand">
          <span className="brand-mark brand-mark--small">浙</span>
          <span className="app-header__title">{t('app.name')}</span>
        </Link>
        <Menu mode="horizontal" selectedKeys={[selected]} items={items} className="app-header__menu" />
        <Flex align="center" gap={16} className="app-header__right">
          <LanguageSwitch />
          <Space size={6} className="app-header__user" data-testid="current-user">
            <UserOutlined />
            <Typography.Text strong>{user.name}</Typography.Text>
            <Typography.Text type="secondary" className="app-header__org">
              {user.organizationName}
            </Typography.Text>
          </Space>
          <Tooltip title={t('nav.signOut')}>
            <Button icon={<LogoutOutlined />} onClick={() => void handleSignOut()} data-testid="sign-out">
              <span className="app-header__signout-label">{t('nav.signOut')}</span>
            </Button>
          </Tooltip>
        </Flex>
      </Layout.Header>
      <Layout.Content className="app-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
