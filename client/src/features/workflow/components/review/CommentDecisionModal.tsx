import { Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewCommentView } from '@shared/api/reviews';
import type { Decision } from '@shared/domain/consultation';
import { DECISIONS } from '@shared/domain/consultation';
import { reviewCommentDecisionBody } from '@shared/validation/reviews';
import { FormModal } from '../../../../components/FormModal';
import { useFormSubmit } from '../../../../hooks/useFormSubmit';
import { maxLengthOf } from '../../../../lib/schemaLimits';
import { reviewApi } from '../../api/reviewApi';

interface Values {
  decision: Decision;
  reason?: string;
}

/** The drafting group decides an expert's comment: 采纳 / 部分采纳 / 不采纳, with the reason where needed. */
export function CommentDecisionModal({
  comment,
  onClose,
  onDecided,
}: {
  comment: ReviewCommentView | null;
  onClose: () => void;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form);
  const { submitting, submit } = useFormSubmit<Values>(form, ['decision', 'reason'], async (values) => {
    if (!comment) return;
    await reviewApi.decideComment(comment.reviewId, comment.id, {
      decision: values.decision,
      reason: (values.reason ?? '').trim(),
    });
    onClose();
    onDecided();
  });
  return (
    <FormModal<Values>
      open={comment !== null}
      title={t('review.decide.title', { seq: comment?.seq ?? 0 })}
      okText={t('review.decide.ok')}
      form={form}
      submitting={submitting}
      initialValues={{ decision: comment?.decision ?? 'accepted', reason: comment?.reason ?? '' }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">
        {comment?.clauseLabel}：{comment?.comment}
      </Typography.Paragraph>
      <Form.Item name="decision" label={t('review.comment.decision')}>
        <Radio.Group data-testid="review-decision">
          {DECISIONS.map((d) => (
            <Radio.Button key={d} value={d}>
              {t(`consultation.decision.${d}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('review.decide.reason')}
        rules={[
          {
            required: decision !== 'accepted',
            whitespace: true,
            message: t('review.decide.reasonRequired'),
          },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={maxLengthOf(reviewCommentDecisionBody.shape.reason)}
          data-testid="review-decision-reason"
        />
      </Form.Item>
    </FormModal>
  );
}
