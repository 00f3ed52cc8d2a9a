import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { App } from 'antd';
import { acceptInvitationBody } from '../../../../../shared/validation/requests';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { describeError, isStatus } from '../../../lib/errors';
import { applyServerIssues, zodRule } from '../../../lib/formErrors';
import { AuthLayout } from '../../auth/components/AuthLayout';
import { useAuth } from '../../auth/hooks/useAuth';
import { invitationsApi } from '../api/invitationsApi';

interface AcceptValues {
  name: string;
  phone?: string;
  password: string;
  passwordConfirm: string;
}

const FIELDS = ['name', 'phone', 'password'] as const;

/** /invite/:token — shows who invites whom, then creates the account and signs in. */
export function InvitationAcceptPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const { adopt } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<AcceptValues>();
  const [submitting, setSubmitting] = useState(false);
  const invitation = useApiQuery((signal) => invitationsApi.get(token, signal), [token]);

  const submit = async (values: AcceptValues) => {
    setSubmitting(true);
    try {
      const response = await invitationsApi.accept(token, {
        name: values.name.trim(),
        phone: (values.phone ?? '').trim(),
        password: values.password,
      });
      adopt(response.user);
      message.success(t('invitation.accepted'));
      navigate('/projects', { replace: true });
    } catch (error) {
      if (!applyServerIssues(form, error, FIELDS)) message.error(describeError(error, t));
    } finally {
      setSubmitting(false);
    }
  };

  let body;
  if (invitation.loading) {
    body = <Spin size="large" />;
  } else if (invitation.error || !invitation.data) {
    body = (
      <Result
        status="warning"
        title={isStatus(invitation.error, 404, 410, 400) ? t('invitation.invalid') : describeError(invitation.error, t)}
        extra={
          <Link to="/login">
            <Button type="primary">{t('auth.submit')}</Button>
          </Link>
        }
      />
    );
  } else {
    const info = invitation.data;
    const required = { required: true, message: t('validation.required') };
    body = (
      <Card className="auth-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('invitation.title')}
        </Typography.Title>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('invitation.intro', {
            project: info.projectName,
            organization: info.organizationName,
            role: t(`enums.role.${info.role}`),
          })}
        />
        <Form<AcceptValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item label={t('invitation.email')}>
            <Input value={info.email} disabled />
          </Form.Item>
          <Form.Item name="name" label={t('invitation.name')} rules={[required]}>
            <Input maxLength={100} autoComplete="name" data-testid="invite-accept-name" />
          </Form.Item>
          <Form.Item name="phone" label={t('invitation.phone')} rules={[zodRule(acceptInvitationBody.shape.phone, t('validation.phone'))]}>
            <Input maxLength={30} autoComplete="tel" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('invitation.password')}
            rules={[required, zodRule(acceptInvitationBody.shape.password, t('validation.password'))]}
          >
            <Input.Password autoComplete="new-password" data-testid="invite-accept-password" />
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
            <Input.Password autoComplete="new-password" data-testid="invite-accept-password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="invite-accept-submit">
            {t('invitation.submit')}
          </Button>
        </Form>
      </Card>
    );
  }

  return <AuthLayout>{body}</AuthLayout>;
}
