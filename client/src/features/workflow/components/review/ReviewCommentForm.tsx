import { useMemo } from 'react';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewView } from '@shared/api/reviews';
import type { ProseMirrorJSON } from '@shared/editor/json';
import { reviewCommentBody } from '@shared/validation/reviews';
import { useFormSubmit } from '../../../../hooks/useFormSubmit';
import { maxLengthOf } from '../../../../lib/schemaLimits';
import { ClausePicker } from '../../../consultation';
import type { ClauseValue } from '../../../consultation';
import { reviewApi } from '../../api/reviewApi';
import { outlineOf } from '../../lib/outline';

interface Values {
  clause?: ClauseValue;
  comment: string;
  proposedChange?: string;
}

const FIELDS = ['clause', 'comment', 'proposedChange'] as const;

/** An expert's review comment on a clause of the frozen 送审稿: the comment and the proposed change. */
export function ReviewCommentForm({
  review,
  standard,
  onAdded,
}: {
  review: ReviewView;
  standard: ProseMirrorJSON | null;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const outline = useMemo(() => (standard ? outlineOf(standard) : []), [standard]);
  const { submitting, submit } = useFormSubmit<Values>(form, FIELDS, async (values) => {
    await reviewApi.addComment(review.id, {
      clauseId: values.clause?.clauseId ?? null,
      clauseLabel: values.clause?.clauseId ? '' : (values.clause?.clauseLabel ?? ''),
      element: 'paragraph',
      commentType: 'technical',
      comment: values.comment.trim(),
      proposedChange: (values.proposedChange ?? '').trim(),
    });
    void message.success(t('review.comment.added'));
    form.resetFields();
    onAdded();
  });
  return (
    <Card size="small" title={t('review.comment.title')} data-testid="review-comment-form">
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="clause"
          label={t('review.comment.clause')}
          rules={[{ required: true, message: t('review.comment.clauseRequired') }]}
        >
          <ClausePicker outline={outline} loading={!standard} data-testid="review-comment-clause" />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('review.comment.comment')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={maxLengthOf(reviewCommentBody.shape.comment)}
            data-testid="review-comment-text"
          />
        </Form.Item>
        <Form.Item name="proposedChange" label={t('review.comment.proposedChange')}>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={maxLengthOf(reviewCommentBody.shape.proposedChange)}
            data-testid="review-comment-change"
          />
        </Form.Item>
        <Button htmlType="submit" loading={submitting} data-testid="review-comment-submit">
          {t('review.comment.submit')}
        </Button>
      </Form>
    </Card>
  );
}
