import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectStage } from '@shared/domain/project';
import { dueState } from '@shared/workflow/time';
import { formatDate, todayIso } from '../../../lib/format';

/** Days left to the plan's due date (the drafting cycle is normally six months), or how long it is overdue. */
export function DueTag({ dueDate, stage }: { dueDate: string; stage: ProjectStage }) {
  const { t } = useTranslation();
  const { daysLeft, overdue } = dueState(dueDate, stage, todayIso());
  const title = t('projects.dueOn', { date: formatDate(dueDate) });
  if (overdue)
    return (
      <Tooltip title={title}>
        <Tag color="error" data-testid="due-tag" data-overdue="true">
          {t('projects.overdueBy', { days: -daysLeft })}
        </Tag>
      </Tooltip>
    );
  // Published: the due date no longer applies.
  if (daysLeft < 0) return <Typography.Text type="secondary">{title}</Typography.Text>;
  return (
    <Tooltip title={title}>
      <Tag color={daysLeft <= 30 ? 'warning' : 'default'} data-testid="due-tag" data-overdue="false">
        {t('projects.daysLeft', { days: daysLeft })}
      </Tag>
    </Tooltip>
  );
}
