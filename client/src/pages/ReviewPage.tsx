import { Breadcrumb, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoadError } from '../components/PageLoadError';
import { ReviewDetail, useReview } from '../features/workflow';

/** /reviews/:id — one technical review (技术审评): the experts' opinions, votes and comments on the frozen 送审稿. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const review = useReview(id);
  if (review.loading && !review.data)
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );
  if (review.error && !review.data)
    return <PageLoadError error={review.error} onRetry={review.reload} notFoundTitle={t('review.notFound')} />;
  const data = review.data;
  if (!data) return null;
  const project = `/projects/${encodeURIComponent(data.projectId)}`;
  return (
    <div className="page" data-testid="review-page">
      <Breadcrumb
        items={[
          { title: <Link to="/projects">{t('nav.projects')}</Link> },
          { title: <Link to={`${project}?tab=progress`}>{data.projectName}</Link> },
          { title: t('review.name', { number: data.number }) },
        ]}
      />
      <Typography.Title level={3} className="page__header" style={{ margin: '8px 0 16px' }} data-testid="review-title">
        {data.projectName}　{t('review.name', { number: data.number })}
      </Typography.Title>
      <ReviewDetail review={data} onChanged={review.setData} reload={review.reload} />
    </div>
  );
}
