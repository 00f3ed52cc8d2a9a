import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubmissionStatus } from '@shared/workflow/submissions';
import { SUBMISSION_STATUS_COLORS } from '../lib/submissionStatus';

export function SubmissionStatusTag({ status }: { status: SubmissionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={SUBMISSION_STATUS_COLORS[status]} data-testid="submission-status" data-status={status}>
      {t(`workflow.submissionStatus.${status}`)}
    </Tag>
  );
}
