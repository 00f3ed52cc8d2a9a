import { useMemo, useState } from 'react';
import { Button, Flex, Input, Typography } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../features/auth/hooks/useAuth';
import { useOrganizations } from '../features/organizations/hooks/useOrganizations';
import { useApiQuery } from '../hooks/useApiQuery';
import { projectsApi } from '../features/projects/api/projectsApi';
import { canCreateProject } from '../features/projects/lib/permissions';
import { ProjectCreateModal } from '../features/projects/components/ProjectCreateModal';
import { ProjectTable } from '../features/projects/components/ProjectTable';
import { PendingConsultations } from '../features/consultation/components/PendingConsultations';
import { LoadError } from '../components/LoadError';

export function ProjectListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const projects = useApiQuery((signal) => projectsApi.list(signal), []);
  const organizations = useOrganizations();
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState('');

  const visible = useMemo(() => {
    const all = projects.data ?? [];
    const needle = search.trim().toLowerCase();
    if (!needle) return all;
    return all.filter((p) =>
      [p.nameZh, p.nameEn, p.planNumber, p.planBatch, p.leadOrganizationName].some((field) =>
        field.toLowerCase().includes(needle),
      ),
    );
  }, [projects.data, search]);

  return (
    <div className="page">
      <Flex justify="space-between" align="flex-end" wrap gap={16} className="page__header">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('projects.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('projects.subtitle')}</Typography.Text>
        </div>
        <Flex gap={12} wrap>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('projects.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 280 }}
          />
          {canCreateProject(user, organizations.byId) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="project-create"
            >
              {t('projects.create')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      {projects.error ? (
        <LoadError error={projects.error} onRetry={projects.reload} style={{ marginBottom: 16 }} />
      ) : null}
      <PendingConsultations />
      <ProjectTable projects={visible} loading={projects.loading} />
      <ProjectCreateModal
        open={creating}
        organizations={organizations.list}
        onClose={() => setCreating(false)}
        onCreated={(project) => {
          setCreating(false);
          void navigate(`/projects/${encodeURIComponent(project.id)}`);
        }}
      />
    </div>
  );
}
