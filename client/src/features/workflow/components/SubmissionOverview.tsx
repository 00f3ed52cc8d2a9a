import { Alert, Button, Card, Descriptions, Space, Spin, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SubmissionView } from '@shared/api/workflow';
import { formatDateTime } from '../../../lib/format';
import { workflowApi } from '../api/workflowApi';
import { SubmissionStatusTag } from './SubmissionStatusTag';

function PackageState({ submission }: { submission: SubmissionView }) {
  const { t } = useTranslation();
  const state = submission.package;
  if (state.status === 'building')
    return (
      <Space data-testid="package-building">
        <Spin size="small" />
        {t('workflow.package.building')}
      </Space>
    );
  if (state.status === 'failed')
    return <Alert type="error" showIcon title={t('workflow.package.failed')} description={state.error} />;
  const missing = state.manifest.failures.length;
  return (
    <Space direction="vertical" size={4}>
      <Button icon={<DownloadOutlined />} href={workflowApi.packageUrl(submission.id)} data-testid="package-download">
        {t('workflow.package.download', { name: state.fileName })}
      </Button>
      <Typography.Text type="secondary">
        {t('workflow.package.files', { count: state.manifest.files.length })}
        {missing > 0 ? ` · ${t('workflow.package.missing', { count: missing })}` : ''}
      </Typography.Text>
    </Space>
  );
}

/** What was submitted, by whom and when, where it stands, and its package (提交材料). */
export function SubmissionOverview({ submission }: { submission: SubmissionView }) {
  const { t } = useTranslation();
  return (
    <Card size="small">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('workflow.submissions.status')}>
          <SubmissionStatusTag status={submission.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('workflow.submissions.submitted')}>
          {formatDateTime(submission.submittedAt)} · {submission.submittedByName}
        </Descriptions.Item>
        <Descriptions.Item label={t('workflow.submissions.waitingFor')}>
          {submission.waitingFor ? t(`workflow.decision.waiting.${submission.waitingFor}`) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('workflow.package.title')}>
          <PackageState submission={submission} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
