import { useState } from 'react';
import { Button, Checkbox, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ReviewCandidate } from '@shared/api/reviews';
import { FormModal } from '../../../../components/FormModal';
import { useFormSubmit } from '../../../../hooks/useFormSubmit';
import { reviewApi } from '../../api/reviewApi';

interface Values {
  meetingDate: string;
  expertIds: string[];
}

/** The province convenes the review experts on the accepted 送审稿: the meeting date and the experts. */
export function OpenReviewButton({ projectId, candidates }: { projectId: string; candidates: ReviewCandidate[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { submitting, submit } = useFormSubmit<Values>(form, ['meetingDate', 'expertIds'], async (values) => {
    const review = await reviewApi.open(projectId, values);
    setOpen(false);
    void navigate(`/reviews/${encodeURIComponent(review.id)}`);
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="review-open">
        {t('review.open.button')}
      </Button>
      <FormModal<Values>
        open={open}
        title={t('review.open.title')}
        okText={t('review.open.ok')}
        form={form}
        submitting={submitting}
        initialValues={{ expertIds: candidates.map((c) => c.userId) }}
        onSubmit={submit}
        onClose={() => setOpen(false)}
      >
        <Form.Item name="meetingDate" label={t('review.meetingDate')} rules={[required]}>
          <Input type="date" data-testid="review-meeting-date" />
        </Form.Item>
        <Form.Item
          name="expertIds"
          label={t('review.experts')}
          extra={candidates.length === 0 ? t('review.open.noCandidates') : t('review.open.candidatesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('review.open.expertRequired') }]}
        >
          <Checkbox.Group data-testid="review-experts">
            <Flex vertical gap={4}>
              {candidates.map((c) => (
                <Checkbox key={c.userId} value={c.userId}>
                  {c.name}（{c.organizationName}）
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
      </FormModal>
    </>
  );
}
