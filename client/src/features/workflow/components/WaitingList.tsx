import { Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WaitingSubmission } from '@shared/api/workflow';
import { formatDateTime } from '../../../lib/format';

/** 待我审核: the submissions waiting at a step the caller's bureau decides, oldest first. */
export function WaitingList({ waiting }: { waiting: WaitingSubmission[] }) {
  const { t } = useTranslation();
  if (waiting.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workflow.dashboard.nothingWaiting')} />;
  return (
    <List
      size="small"
      dataSource={waiting}
      rowKey="submissionId"
      data-testid="waiting-list"
      renderItem={(w) => (
        <List.Item data-testid="waiting-submission">
          <List.Item.Meta
            title={
              <Link to={`/submissions/${encodeURIComponent(w.submissionId)}`}>
                {w.projectName}　{t('workflow.submissions.name', { stage: w.stageLabel, number: w.number })}
              </Link>
            }
            description={
              <Typography.Text type="secondary">
                <Tag>{t(`workflow.decision.waiting.${w.level}`)}</Tag>
                {w.leadOrganizationName} · {formatDateTime(w.submittedAt)}
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}
