import { Breadcrumb, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoadError } from '../components/PageLoadError';
import { SubmissionDetail, SubmissionStatusTag, useSubmission } from '../features/workflow';

/** /submissions/:id — one submission: what was sent, the bureaus' check, the frozen texts. */
export function SubmissionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const submission = useSubmission(id);
  if (submission.loading && !submission.data)
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );
  if (submission.error && !submission.data)
    return (
      <PageLoadError
        error={submission.error}
        onRetry={submission.reload}
        notFoundTitle={t('workflow.submissions.notFound')}
      />
    );
  const data = submission.data;
  if (!data) return null;
  const project = `/projects/${encodeURIComponent(data.projectId)}`;
  return (
    <div className="page" data-testid="submission-page">
      <Breadcrumb
        items={[
          { title: <Link to="/projects">{t('nav.projects')}</Link> },
          { title: <Link to={`${project}?tab=progress`}>{data.projectName}</Link> },
          { title: t('workflow.submissions.name', { stage: data.stageLabel, number: data.number }) },
        ]}
      />
      <Flex align="center" gap={12} className="page__header" style={{ margin: '8px 0 16px' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="submission-title">
          {data.projectName}　{t('workflow.submissions.name', { stage: data.stageLabel, number: data.number })}
        </Typography.Title>
        <SubmissionStatusTag status={data.status} />
      </Flex>
      <SubmissionDetail submission={data} onChanged={submission.setData} />
    </div>
  );
}
