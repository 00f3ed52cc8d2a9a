import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginBody } from '@shared/validation/requests';
import { describeError, isStatus } from '../../../lib/errors';
import { safeRedirect } from '../../../lib/safeRedirect';
import { useAuth } from '../hooks/useAuth';
import { AuthLayout } from './AuthLayout';
import { zodRule } from '../../../lib/formErrors';

interface LoginValues {
  email: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { status, expired, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // Without a place to return to: the first page for the user (the dashboard for bureau staff).
  const next = safeRedirect(params.get('next'), '/');

  if (status === 'signed-in') return <Navigate to={next} replace />;

  const submit = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      await signIn({ email: values.email.trim().toLowerCase(), password: values.password });
      void navigate(next, { replace: true });
    } catch (reason) {
      setError(
        isStatus(reason, 401)
          ? t('auth.invalidCredentials')
          : isStatus(reason, 403)
            ? t('auth.accountDisabled')
            : describeError(reason, t),
      );
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthLayout>
      <Card className="auth-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('auth.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
        {expired && !error ? (
          <Alert type="warning" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />
        ) : null}
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        ) : null}
        <Form<LoginValues> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item
            name="email"
            label={t('auth.email')}
            rules={[
              { required: true, message: t('validation.required') },
              zodRule(loginBody.shape.email, t('validation.email')),
            ]}
          >
            <Input
              prefix={<MailOutlined />}
              autoComplete="username"
              inputMode="email"
              data-testid="login-email"
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </AuthLayout>
  );
}
