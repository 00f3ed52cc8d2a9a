import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, matchPath, Route, Routes } from 'react-router';
import { AuthProvider } from './features/auth/components/AuthProvider';
import { LoginPage } from './features/auth/components/LoginPage';
import { RequireAuth } from './features/auth/components/RequireAuth';
import { OnDemandPage, PageLoader } from './pages/OnDemandPage';
import { InvitationAcceptPage } from './pages/invitation/InvitationAcceptPage';
import { draftingGroupInvitation } from './pages/invitation/draftingGroupInvitation';
import { roundInvitation } from './pages/invitation/roundInvitation';
import { ProjectDetailPage } from './pages/ProjectDetailPage';
import { ProjectListPage } from './pages/ProjectListPage';
import { DashboardPage } from './pages/DashboardPage';
import { HomePage } from './pages/HomePage';
import { SubmissionPage } from './pages/SubmissionPage';
import { RecognitionPage } from './pages/RecognitionPage';
import { ReviewPage } from './pages/ReviewPage';
import { AppShell } from './features/shell/components/AppShell';
import { NotFoundPage } from './features/shell/components/NotFoundPage';
import { theme } from './theme';

// The editor (TipTap, Yjs) and the administration screens load on demand; the page the address
// names starts loading at once, beside the first requests (sign-in check, the app's own code).
const pagesOnDemand = {
  document: new PageLoader(() => import('./pages/document/DocumentPage').then((m) => m.DocumentPage)),
  round: new PageLoader(() => import('./features/consultation/components/RoundPage').then((m) => m.RoundPage)),
  admin: new PageLoader(() => import('./features/admin/components/AdminPage').then((m) => m.AdminPage)),
};
const onDemandPaths: Record<keyof typeof pagesOnDemand, string> = {
  document: '/documents/:id',
  round: '/projects/:projectId/rounds/:roundId',
  admin: '/admin',
};
for (const [name, path] of Object.entries(onDemandPaths)) {
  // A failure shows on the page itself, with 重试.
  if (matchPath(path, window.location.pathname))
    pagesOnDemand[name as keyof typeof pagesOnDemand].preload().catch(() => undefined);
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/invite/:token" element={<InvitationAcceptPage source={draftingGroupInvitation} />} />
              <Route path="/round-invite/:token" element={<InvitationAcceptPage source={roundInvitation} />} />
              <Route
                element={
                  <RequireAuth>
                    <AppShell />
                  </RequireAuth>
                }
              >
                <Route index element={<HomePage />} />
                <Route path="/dashboard" element={<DashboardPage />} />
                <Route path="/submissions/:id" element={<SubmissionPage />} />
                <Route path="/reviews/:id" element={<ReviewPage />} />
                <Route path="/recognition" element={<RecognitionPage />} />
                <Route path="/projects" element={<ProjectListPage />} />
                <Route path="/projects/:id" element={<ProjectDetailPage />} />
                <Route path={onDemandPaths.round} element={<OnDemandPage loader={pagesOnDemand.round} />} />
                <Route path={onDemandPaths.document} element={<OnDemandPage loader={pagesOnDemand.document} />} />
                <Route path={onDemandPaths.admin} element={<OnDemandPage loader={pagesOnDemand.admin} />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
