import { Flex, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProjectListItem } from '@shared/api/types';
import { formatDate } from '../../../lib/format';
import { DocumentLinks } from './DocumentLinks';
import { DueTag } from './DueTag';
import { RoleTag } from './RoleTag';
import { StageTag } from './StageTag';

export function ProjectTable({ projects, loading }: { projects: ProjectListItem[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableProps<ProjectListItem>['columns'] = [
    {
      key: 'name',
      title: t('projects.name'),
      render: (_, project) => (
        <div className="project-name-cell">
          <Link to={`/projects/${encodeURIComponent(project.id)}`} data-testid="project-link">
            {project.nameZh}
          </Link>
          {project.nameEn ? (
            <Typography.Text type="secondary" className="project-name-cell__en">
              {project.nameEn}
            </Typography.Text>
          ) : null}
        </div>
      ),
      sorter: (a, b) => a.nameZh.localeCompare(b.nameZh, 'zh-CN'),
    },
    {
      key: 'type',
      title: t('projects.standardType'),
      render: (_, project) => t(`enums.standardType.${project.standardType}`),
      width: 100,
    },
    {
      key: 'category',
      title: t('projects.category'),
      render: (_, project) => t(`enums.category.${project.publicationCategory}`),
      width: 130,
    },
    {
      key: 'plan',
      title: t('projects.planNumber'),
      render: (_, project) => (
        <div>
          <div>{project.planNumber || '—'}</div>
          {project.planBatch ? <Typography.Text type="secondary">{project.planBatch}</Typography.Text> : null}
        </div>
      ),
      width: 150,
    },
    { key: 'lead', title: t('projects.leadUnit'), dataIndex: 'leadOrganizationName' },
    {
      key: 'stage',
      title: t('projects.stage'),
      render: (_, project) => <StageTag stage={project.stage} />,
      width: 110,
    },
    {
      key: 'due',
      title: t('projects.dueDate'),
      render: (_, project) => (
        <Flex vertical gap={2} align="flex-start">
          <Typography.Text>{formatDate(project.dueDate)}</Typography.Text>
          <DueTag dueDate={project.dueDate} stage={project.stage} />
        </Flex>
      ),
      sorter: (a, b) => a.dueDate.localeCompare(b.dueDate),
      width: 140,
    },
    {
      key: 'role',
      title: t('projects.myRole'),
      render: (_, project) => <RoleTag role={project.myRole} />,
      width: 120,
    },
    {
      key: 'documents',
      title: t('projects.documents'),
      render: (_, project) => <DocumentLinks documents={project.documents} vertical />,
      width: 150,
    },
  ];
  return (
    <Table<ProjectListItem>
      rowKey="id"
      data-testid="project-list"
      columns={columns}
      dataSource={projects}
      loading={loading}
      pagination={projects.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: t('projects.empty') }}
      scroll={{ x: 1100 }}
    />
  );
}
