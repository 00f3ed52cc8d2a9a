import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProjectReviews } from '../../hooks/useReviews';
import { ConclusionTag } from './ConclusionTag';
import { OpenReviewButton } from './OpenReviewButton';

/** 技术审评 on the progress page: the project's reviews with their conclusion, and the province's button to open one. */
export function ReviewsCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const reviews = useProjectReviews(projectId);
  const data = reviews.data;
  if (!data || (data.reviews.length === 0 && !data.mayOpen)) return null;
  return (
    <Card
      size="small"
      title={t('review.cardTitle')}
      extra={<OpenReviewButton projectId={projectId} candidates={data.candidates} mayOpen={data.mayOpen} />}
      data-testid="reviews-card"
    >
      {data.reviews.length === 0 ? (
        <Typography.Text type="secondary">{t('review.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={[...data.reviews].reverse()}
          renderItem={(r) => (
            <List.Item extra={<ConclusionTag conclusion={r.conclusion} closed={r.closedAt !== null} />}>
              <Link to={`/reviews/${encodeURIComponent(r.id)}`} data-testid="review-link">
                {t('review.name', { number: r.number })}
              </Link>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {t('review.meetingOn', { date: r.meetingDate })}
                {r.invited ? ` · ${t('review.invited')}` : ''}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
