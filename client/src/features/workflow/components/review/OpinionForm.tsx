import { App, Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewView } from '@shared/api/reviews';
import { dimensionOpinionBody } from '@shared/validation/reviews';
import type { OpinionBody } from '@shared/validation/reviews';
import { DIMENSION_RATINGS, REVIEW_DIMENSIONS, REVIEW_VOTES } from '@shared/workflow/reviews';
import type { ExpertOpinion } from '@shared/workflow/reviews';
import { useFormSubmit } from '../../../../hooks/useFormSubmit';
import { maxLengthOf } from '../../../../lib/schemaLimits';
import { reviewApi } from '../../api/reviewApi';

type Values = OpinionBody;

const FIELDS = ['dimensions', 'vote'] as const;

function initialValues(opinion: ExpertOpinion | null): Partial<Values> {
  return opinion ? { dimensions: opinion.dimensions, vote: opinion.vote } : {};
}

/**
 * The expert's own opinion: each of the five dimensions 符合 / 基本符合 / 不符合 with a remark, and the
 * vote 通过 / 修改后通过 / 不通过 — saved again as often as wanted until the review closes.
 */
export function OpinionForm({ review, onSaved }: { review: ReviewView; onSaved: (updated: ReviewView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submitting, submit } = useFormSubmit<Values>(form, FIELDS, async (values) => {
    const updated = await reviewApi.recordOpinion(review.id, values);
    void message.success(t('review.opinion.saved'));
    onSaved(updated);
  });
  const required = { required: true, message: t('review.opinion.ratingRequired') };
  return (
    <Card
      size="small"
      title={t('review.opinion.title')}
      extra={
        review.myOpinion ? <Typography.Text type="secondary">{t('review.opinion.recorded')}</Typography.Text> : null
      }
      data-testid="opinion-form"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(review.myOpinion)}
        onFinish={(values) => void submit(values)}
      >
        {REVIEW_DIMENSIONS.map((dimension) => (
          <Flex key={dimension} gap={12} align="flex-start" wrap className="review-dimension">
            <Typography.Text strong className="review-dimension__name">
              {t(`review.dimension.${dimension}`)}
            </Typography.Text>
            <Form.Item name={['dimensions', dimension, 'rating']} rules={[required]} style={{ marginBottom: 8 }}>
              <Radio.Group optionType="button" size="small" data-testid={`opinion-${dimension}`}>
                {DIMENSION_RATINGS.map((rating) => (
                  <Radio.Button key={rating} value={rating}>
                    {t(`review.rating.${rating}`)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name={['dimensions', dimension, 'remark']}
              initialValue=""
              style={{ flex: 1, minWidth: 160, marginBottom: 8 }}
            >
              <Input
                size="small"
                maxLength={maxLengthOf(dimensionOpinionBody.shape.remark)}
                placeholder={t('review.opinion.remark')}
                data-testid={`opinion-${dimension}-remark`}
              />
            </Form.Item>
          </Flex>
        ))}
        <Form.Item
          name="vote"
          label={t('review.vote.label')}
          rules={[{ required: true, message: t('review.vote.required') }]}
        >
          <Radio.Group data-testid="opinion-vote">
            {REVIEW_VOTES.map((vote) => (
              <Radio key={vote} value={vote}>
                {t(`review.vote.${vote}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="opinion-submit">
          {review.myOpinion ? t('review.opinion.update') : t('review.opinion.submit')}
        </Button>
      </Form>
    </Card>
  );
}
