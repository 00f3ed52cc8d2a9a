import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectStage } from '@shared/domain/project';

const COLORS: Record<ProjectStage, string> = {
  approval: 'default',
  drafting: 'processing',
  consultation: 'gold',
  'review-submission': 'cyan',
  'technical-review': 'purple',
  'approval-submission': 'geekblue',
  published: 'success',
  'periodic-review': 'magenta',
};

export function StageTag({ stage }: { stage: ProjectStage }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[stage]}>{t(`enums.stage.${stage}`)}</Tag>;
}
