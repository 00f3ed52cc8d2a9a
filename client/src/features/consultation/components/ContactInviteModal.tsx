import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoundInviteResponse } from '@shared/api/consultation';
import type { Recipient } from '@shared/domain/consultation';
import { roundInvitationBody } from '@shared/validation/consultation';
import { describeError } from '../../../lib/errors';
import { applyServerIssues, zodRule } from '../../../lib/formErrors';
import { consultationApi } from '../api/consultationApi';
import { ModalFooter } from './ModalFooter';
import { maxLengthOf } from '../../../lib/schemaLimits';

interface ContactInviteModalProps {
  roundId: string;
  recipient: Recipient;
  onClose: () => void;
}

/**
 * The lead gives a consulted unit's contact an account: an invitation link (for a new e-mail) that
 * makes them a user of the unit's organization — not a member of the drafting group — who answers
 * this round online; an existing user of the unit just signs in.
 */
export function ContactInviteModal({ roundId, recipient, onClose }: ContactInviteModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ email: string }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<RoundInviteResponse | null>(null);

  const submit = async ({ email }: { email: string }) => {
    setProblem(null);
    setSaving(true);
    try {
      setResult(await consultationApi.inviteContact(roundId, recipient.id, { email: email.trim() }));
    } catch (error) {
      if (!applyServerIssues(form, error, ['email'])) setProblem(describeError(error, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('consultation.invite.title', { unit: recipient.unitName })}
      onCancel={onClose}
      footer={
        result ? null : (
          <ModalFooter
            onCancel={onClose}
            onOk={() => form.submit()}
            loading={saving}
            okText={t('consultation.invite.submit')}
            okTestId="contact-invite-submit"
          />
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('consultation.invite.intro')}</Typography.Paragraph>
      {result === null ? (
        <Form<{ email: string }>
          form={form}
          layout="vertical"
          initialValues={{ email: recipient.email ?? '' }}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item
            name="email"
            label={t('consultation.recipient.email')}
            rules={[
              { required: true, message: t('validation.required') },
              zodRule(roundInvitationBody.shape.email, t('validation.email')),
            ]}
          >
            <Input
              inputMode="email"
              maxLength={maxLengthOf(roundInvitationBody.shape.email)}
              data-testid="contact-invite-email"
            />
          </Form.Item>
          {problem ? <Alert type="error" showIcon title={problem} /> : null}
        </Form>
      ) : result.kind === 'invited' ? (
        <Alert
          type="success"
          showIcon
          data-testid="contact-invite-link"
          title={t('consultation.invite.invited', { email: result.email })}
          description={
            <Typography.Paragraph copyable={{ text: result.link }} style={{ marginBottom: 0, wordBreak: 'break-all' }}>
              {result.link}
            </Typography.Paragraph>
          }
        />
      ) : (
        <Alert
          type="success"
          showIcon
          data-testid="contact-invite-existing"
          title={t('consultation.invite.existing', { name: result.name, email: result.email })}
        />
      )}
    </Modal>
  );
}
