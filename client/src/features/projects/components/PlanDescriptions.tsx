import { Descriptions, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationView, ProjectListItem } from '@shared/api/types';
import { formatDate, formatDateTime } from '../../../lib/format';
import { StageTag } from './StageTag';

/** The development-plan fields of a project, read-only. */
export function PlanDescriptions({
  project,
  organizations,
}: {
  project: ProjectListItem;
  organizations: Map<string, OrganizationView>;
}) {
  const { t } = useTranslation();
  const items: DescriptionsProps['items'] = [
    { key: 'nameZh', label: t('projects.nameZh'), children: project.nameZh, span: 2 },
    { key: 'nameEn', label: t('projects.nameEn'), children: project.nameEn || '—', span: 2 },
    { key: 'type', label: t('projects.standardType'), children: t(`enums.standardType.${project.standardType}`) },
    { key: 'category', label: t('projects.category'), children: t(`enums.category.${project.publicationCategory}`) },
    { key: 'batch', label: t('projects.planBatch'), children: project.planBatch || '—' },
    { key: 'number', label: t('projects.planNumber'), children: project.planNumber || '—' },
    { key: 'lead', label: t('projects.leadUnit'), children: project.leadOrganizationName, span: 2 },
    {
      key: 'bureaus',
      label: t('projects.supervisingBureaus'),
      span: 2,
      children:
        project.supervisingBureauIds.length === 0
          ? '—'
          : project.supervisingBureauIds.map((id) => <Tag key={id}>{organizations.get(id)?.name ?? id}</Tag>),
    },
    { key: 'publisher', label: t('projects.publishingBody'), children: project.publishingBody || '—', span: 2 },
    { key: 'start', label: t('projects.startDate'), children: formatDate(project.startDate) },
    { key: 'due', label: t('projects.dueDate'), children: formatDate(project.dueDate) },
    { key: 'stage', label: t('projects.stage'), children: <StageTag stage={project.stage} /> },
    { key: 'updated', label: t('project.updatedAt'), children: formatDateTime(project.updatedAt) },
  ];
  return <Descriptions bordered column={{ xs: 1, md: 2 }} items={items} size="middle" data-testid="project-plan" />;
}
