import { useState } from 'react';
import { Breadcrumb, Button, Card, Flex, Space, Spin, Tabs, Typography } from 'antd';
import type { TabsProps } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../features/auth/hooks/useAuth';
import { CommentStatsPanel } from '../features/comments/components/CommentStatsPanel';
import { RoundsTab } from '../features/consultation/components/RoundsTab';
import { useOrganizations } from '../features/organizations/hooks/useOrganizations';
import { useApiQuery } from '../hooks/useApiQuery';
import { projectsApi } from '../features/projects/api/projectsApi';
import { useReloadOnProjectEvents } from '../realtime/useReloadOnProjectEvents';
import { canViewAudit } from '../features/projects/lib/permissions';
import { AuditLogTable } from '../features/projects/components/AuditLogTable';
import { DocumentLinks } from '../features/projects/components/DocumentLinks';
import { DraftingGroupPanel } from '../features/projects/components/DraftingGroupPanel';
import { PlanDescriptions } from '../features/projects/components/PlanDescriptions';
import { PlanEditModal } from '../features/projects/components/PlanEditModal';
import { RoleTag } from '../features/projects/components/RoleTag';
import { StageTag } from '../features/projects/components/StageTag';
import { PageLoadError } from '../components/PageLoadError';
import { ProgressPanel, TextLockBanner } from '../features/workflow';
import { isTextLock } from '@shared/workflow/stages';
import { SubmissionPackageButton } from '../features/submissionPackage';

const LIVE_EVENTS = ['members-changed', 'project-changed'] as const;

export function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const detail = useApiQuery((signal) => projectsApi.get(id, signal), [id]);
  const organizations = useOrganizations();
  const [editing, setEditing] = useState(false);
  const [searchParams] = useSearchParams();
  // The drafting group and the plan follow changes made elsewhere (another manager, an accepted invitation).
  useReloadOnProjectEvents(id, LIVE_EVENTS, detail.reload);

  if (detail.loading && !detail.data) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (detail.error && !detail.data) {
    return <PageLoadError error={detail.error} onRetry={detail.reload} notFoundTitle={t('project.notFound')} />;
  }
  if (!detail.data) return null;

  const { project, members } = detail.data;
  const { access } = project;

  const tabs: TabsProps['items'] = [
    {
      key: 'plan',
      label: t('project.plan'),
      children: (
        <Flex vertical gap={16}>
          {access.canManage ? (
            <Flex justify="flex-end">
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="plan-edit">
                {t('project.editPlan')}
              </Button>
            </Flex>
          ) : null}
          <PlanDescriptions project={project} organizations={organizations.byId} />
        </Flex>
      ),
    },
    {
      key: 'progress',
      label: <span data-testid="progress-tab">{t('workflow.progress.tab')}</span>,
      children: <ProgressPanel project={project} />,
    },
    {
      key: 'group',
      label: `${t('project.drafting')} (${members.length})`,
      children: (
        <DraftingGroupPanel
          projectId={project.id}
          members={members}
          canManage={access.canManage}
          currentUserId={user.id}
          organizations={organizations.list}
          onMembersChanged={detail.reload}
        />
      ),
    },
    {
      key: 'consultation',
      label: <span data-testid="rounds-tab">{t('consultation.tab')}</span>,
      children: <RoundsTab project={project} members={members} />,
    },
    {
      key: 'comments',
      label: <span data-testid="comment-stats-tab">{t('commentStats.tab')}</span>,
      children: <CommentStatsPanel projectId={project.id} />,
    },
    ...(canViewAudit(user, access)
      ? [{ key: 'audit', label: t('project.audit'), children: <AuditLogTable projectId={project.id} /> }]
      : []),
  ];

  return (
    <div className="page">
      <Breadcrumb items={[{ title: <Link to="/projects">{t('nav.projects')}</Link> }, { title: project.nameZh }]} />
      <Flex justify="space-between" align="flex-start" wrap gap={16} className="page__header">
        <div>
          <Typography.Title level={3} style={{ margin: '8px 0 4px' }} data-testid="project-title">
            {project.nameZh}
          </Typography.Title>
          {project.nameEn ? <Typography.Text type="secondary">{project.nameEn}</Typography.Text> : null}
          <div style={{ marginTop: 8 }}>
            <Space size={4} wrap>
              <StageTag stage={project.stage} />
              <RoleTag role={access.role} />
              <Typography.Text type="secondary">
                {t('projects.leadUnit')}：{project.leadOrganizationName}
              </Typography.Text>
            </Space>
          </div>
        </div>
        <Card
          size="small"
          title={t('project.documents')}
          className="project-documents-card"
          extra={<SubmissionPackageButton projectId={project.id} projectStage={project.stage} />}
        >
          <DocumentLinks documents={project.documents} vertical />
        </Card>
      </Flex>
      {isTextLock(access.readOnlyReason) ? (
        <div style={{ marginBottom: 12 }}>
          <TextLockBanner lock={access.readOnlyReason} />
        </div>
      ) : null}
      <Tabs items={tabs} defaultActiveKey={searchParams.get('tab') ?? undefined} data-testid="project-tabs" />
      {access.canManage ? (
        <PlanEditModal
          project={project}
          organizations={organizations.list}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            detail.reload();
          }}
        />
      ) : null}
    </div>
  );
}
