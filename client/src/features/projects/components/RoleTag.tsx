import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectRole } from '@shared/domain/roles';

const COLORS: Record<ProjectRole, string> = { lead: 'red', drafter: 'blue', reviewer: 'orange', observer: 'default' };

export function RoleTag({ role }: { role: ProjectRole | null }) {
  const { t } = useTranslation();
  if (!role) return <Tag>{t('projects.noRole')}</Tag>;
  return <Tag color={COLORS[role]}>{t(`enums.role.${role}`)}</Tag>;
}
