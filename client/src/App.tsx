import { lazy, Suspense } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AuthProvider } from './features/auth/components/AuthProvider';
import { LoginPage } from './features/auth/components/LoginPage';
import { RequireAuth } from './features/auth/components/RequireAuth';
import { FullPageSpin } from './features/auth/components/FullPageSpin';
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

// The editor (TipTap, Yjs) and the administration screens load on demand.
const DocumentPage = lazy(() => import('./pages/document/DocumentPage').then((m) => ({ default: m.DocumentPage })));
const RoundPage = lazy(() =>
  import('./features/consultation/components/RoundPage').then((m) => ({ default: m.RoundPage })),
);
const AdminPage = lazy(() => import('./features/admin/components/AdminPage').then((m) => ({ default: m.AdminPage })));

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
                <Route
                  path="/projects/:projectId/rounds/:roundId"
                  element={
                    <Suspense fallback={<FullPageSpin />}>
                      <RoundPage />
                    </Suspense>
                  }
                />
                <Route
                  path="/documents/:id"
                  element={
                    <Suspense fallback={<FullPageSpin />}>
                      <DocumentPage />
                    </Suspense>
                  }
                />
                <Route
                  path="/admin"
                  element={
                    <Suspense fallback={<FullPageSpin />}>
                      <AdminPage />
                    </Suspense>
                  }
                />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
