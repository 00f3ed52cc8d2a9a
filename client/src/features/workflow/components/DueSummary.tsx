import { Alert, Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkflowStatus } from '@shared/api/workflow';
import { daysBetween } from '@shared/workflow/time';
import { DueTag } from '../../projects';

/** The plan's dates, days left or overdue, and consultation rounds whose deadline passed without replies. */
export function DueSummary({ status }: { status: WorkflowStatus }) {
  const { t } = useTranslation();
  const { due } = status;
  return (
    <Flex vertical gap={8}>
      <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
        <Descriptions.Item label={t('projects.startDate')}>{due.startDate}</Descriptions.Item>
        <Descriptions.Item label={t('projects.dueDate')}>
          {due.dueDate}　<DueTag dueDate={due.dueDate} stage={status.stage} />
        </Descriptions.Item>
        <Descriptions.Item label={t('workflow.progress.elapsed')}>
          {t('workflow.progress.days', { days: Math.max(0, daysBetween(due.startDate, status.today)) })}
        </Descriptions.Item>
      </Descriptions>
      {status.lateRounds.map((round) => (
        <Alert
          key={round.roundId}
          type="warning"
          showIcon
          data-testid="late-round"
          title={
            <span>
              {t('workflow.progress.lateRound', {
                number: round.number,
                deadline: round.deadline,
                count: round.notReplied,
              })}{' '}
              <Link
                to={`/projects/${encodeURIComponent(status.projectId)}/rounds/${encodeURIComponent(round.roundId)}`}
              >
                {t('workflow.progress.openRound')}
              </Link>
            </span>
          }
        />
      ))}
    </Flex>
  );
}
