import { App, Button, Card, Descriptions, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReviewView } from '@shared/api/reviews';
import { describeError } from '../../../../lib/errors';
import { reviewApi } from '../../api/reviewApi';
import { ConclusionTag } from './ConclusionTag';

/** The review at a glance: meeting, the reviewed draft, the experts (who voted), the conclusion and vote count, the province's close. */
export function ReviewOverview({
  review,
  onChanged,
}: {
  review: ReviewView;
  onChanged: (updated: ReviewView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [closing, setClosing] = useState(false);
  const { votes } = review.conclusion;
  const close = async () => {
    setClosing(true);
    try {
      const updated = await reviewApi.close(review.id);
      void message.success(t(updated.conclusion.passed ? 'review.close.passed' : 'review.close.failed'));
      onChanged(updated);
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setClosing(false);
    }
  };
  return (
    <Card
      size="small"
      title={t('review.overview')}
      extra={
        review.actions.close ? (
          <Popconfirm
            title={t('review.close.confirm')}
            description={t('review.close.description', {
              voted: review.conclusion.voted,
              experts: review.conclusion.experts,
            })}
            onConfirm={() => void close()}
            okText={t('review.close.ok')}
          >
            <Button type="primary" loading={closing} data-testid="review-close">
              {t('review.close.button')}
            </Button>
          </Popconfirm>
        ) : null
      }
      data-testid="review-overview"
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('review.meetingDate')}>{review.meetingDate}</Descriptions.Item>
        <Descriptions.Item label={t('review.reviewed')}>
          <Link to={`/submissions/${encodeURIComponent(review.submissionId)}`}>
            {t('workflow.submissions.name', { stage: review.stageLabel, number: review.submissionNumber })}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('review.experts')}>
          <Flex wrap gap={4}>
            {review.experts.map((e) => (
              <Tag
                key={e.userId}
                icon={e.voted ? <CheckCircleFilled /> : <ClockCircleOutlined />}
                color={e.voted ? 'success' : 'default'}
                title={e.organizationName}
              >
                {e.name}
              </Tag>
            ))}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('review.conclusion.label')}>
          <Space wrap>
            <ConclusionTag conclusion={review.conclusion} closed={review.closedAt !== null} />
            <Typography.Text type="secondary" data-testid="review-votes">
              {t('review.conclusion.votes', {
                pass: votes.pass,
                withChanges: votes['pass-with-changes'],
                fail: votes.fail,
                missing: review.conclusion.experts - review.conclusion.voted,
              })}
            </Typography.Text>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {review.closedAt ? t('review.rule') : t('review.ruleOpen')}
      </Typography.Paragraph>
    </Card>
  );
}
