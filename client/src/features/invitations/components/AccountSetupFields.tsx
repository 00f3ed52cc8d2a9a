import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { acceptInvitationBody } from '@shared/validation/requests';
import { zodRule } from '../../../lib/formErrors';
import { maxLengthOf, minLengthOf } from '../../../lib/schemaLimits';

interface AccountSetupFieldsProps {
  /** The invited address (shown, not editable). */
  email: string;
  /** Prefix of the fields' test ids (`<prefix>-name`, `-password`, `-password-confirm`, `-submit`). */
  testIdPrefix: string;
  submitting: boolean;
}

/** The fields of a new account set up from an invitation: name, phone, password twice, and submit. */
export function AccountSetupFields({ email, testIdPrefix, submitting }: AccountSetupFieldsProps) {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Form.Item label={t('invitation.email')}>
        <Input value={email} disabled />
      </Form.Item>
      <Form.Item name="name" label={t('invitation.name')} rules={[required]}>
        <Input
          maxLength={maxLengthOf(acceptInvitationBody.shape.name)}
          autoComplete="name"
          data-testid={`${testIdPrefix}-name`}
        />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('invitation.phone')}
        rules={[zodRule(acceptInvitationBody.shape.phone, t('validation.phone'))]}
      >
        <Input maxLength={maxLengthOf(acceptInvitationBody.shape.phone)} autoComplete="tel" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('invitation.password')}
        rules={[
          required,
          zodRule(
            acceptInvitationBody.shape.password,
            t('validation.password', { min: minLengthOf(acceptInvitationBody.shape.password) }),
          ),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={`${testIdPrefix}-password`} />
      </Form.Item>
      <Form.Item
        name="passwordConfirm"
        label={t('invitation.passwordConfirm')}
        dependencies={['password']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if (value && value !== getFieldValue('password')) throw new Error(t('validation.passwordsDiffer'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={`${testIdPrefix}-password-confirm`} />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={submitting}
        data-testid={`${testIdPrefix}-submit`}
      >
        {t('invitation.submit')}
      </Button>
    </>
  );
}
