import { useState } from 'react';
import { Button, Checkbox, Flex, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { OpenReviewResponse, ReviewCandidate } from '@shared/api/reviews';
import { FormModal } from '../../../../components/FormModal';
import { useFormSubmit } from '../../../../hooks/useFormSubmit';
import { reviewApi } from '../../api/reviewApi';
import { ExpertInvitationFields } from './ExpertInvitationFields';
import { ExpertInvitationLinks } from './ExpertInvitationLinks';

interface Values {
  meetingDate: string;
  expertIds?: string[];
  invitations?: { email: string; organizationId?: string }[];
}

/**
 * The province convenes the review experts on the accepted 送审稿: the meeting date, the project's
 * review experts and experts invited by e-mail (邀请专家); the links of those without an account are
 * shown to pass on before going to the review (they stay when the opened review hides the button).
 */
export function OpenReviewButton({
  projectId,
  candidates,
  mayOpen,
}: {
  projectId: string;
  candidates: ReviewCandidate[];
  mayOpen: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState<OpenReviewResponse | null>(null);
  const [form] = Form.useForm<Values>();
  const goTo = (id: string) => void navigate(`/reviews/${encodeURIComponent(id)}`);
  const { submitting, submit } = useFormSubmit<Values>(
    form,
    ['meetingDate', 'expertIds', 'invitations'],
    async (values) => {
      const review = await reviewApi.open(projectId, {
        meetingDate: values.meetingDate,
        expertIds: values.expertIds ?? [],
        invitations: (values.invitations ?? []).map((i) => ({
          email: i.email.trim().toLowerCase(),
          organizationId: i.organizationId || undefined,
        })),
      });
      setOpen(false);
      if (review.invitationLinks.length > 0) setOpened(review);
      else goTo(review.id);
    },
  );
  const required = { required: true, message: t('validation.required') };
  const someExpert = {
    validator: async () => {
      const values = form.getFieldsValue(true);
      if ((values.expertIds?.length ?? 0) + (values.invitations?.length ?? 0) === 0)
        throw new Error(t('review.open.expertRequired'));
    },
  };
  return (
    <>
      {mayOpen ? (
        <Button type="primary" onClick={() => setOpen(true)} data-testid="review-open">
          {t('review.open.button')}
        </Button>
      ) : null}
      <FormModal<Values>
        open={open}
        title={t('review.open.title')}
        okText={t('review.open.ok')}
        form={form}
        submitting={submitting}
        initialValues={{ expertIds: candidates.map((c) => c.userId), invitations: [] }}
        onSubmit={submit}
        onClose={() => setOpen(false)}
        width={640}
      >
        <Form.Item name="meetingDate" label={t('review.meetingDate')} rules={[required]}>
          <Input type="date" data-testid="review-meeting-date" />
        </Form.Item>
        <Form.Item
          name="expertIds"
          label={t('review.experts')}
          extra={candidates.length === 0 ? t('review.open.noCandidates') : t('review.open.candidatesHint')}
          rules={[someExpert]}
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
        <ExpertInvitationFields />
      </FormModal>
      <Modal
        open={opened !== null}
        title={t('review.open.linksTitle')}
        okText={t('review.open.toReview')}
        cancelButtonProps={{ style: { display: 'none' } }}
        closable={false}
        onOk={() => opened && goTo(opened.id)}
      >
        {opened ? <ExpertInvitationLinks links={opened.invitationLinks} /> : null}
      </Modal>
    </>
  );
}
