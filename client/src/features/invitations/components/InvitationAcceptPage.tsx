import { Alert, Button, Card, Form, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { App } from 'antd';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { describeError, isStatus } from '../../../lib/errors';
import { AuthLayout } from '../../auth/components/AuthLayout';
import { useAuth } from '../../auth/hooks/useAuth';
import { invitationsApi } from '../api/invitationsApi';
import { AccountSetupFields } from './AccountSetupFields';
import { useFormSubmit } from '../../../hooks/useFormSubmit';

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
  const invitation = useApiQuery((signal) => invitationsApi.get(token, signal), [token]);

  const { submitting, submit } = useFormSubmit(form, FIELDS, async (values: AcceptValues) => {
    const response = await invitationsApi.accept(token, {
      name: values.name.trim(),
      phone: (values.phone ?? '').trim(),
      password: values.password,
    });
    adopt(response.user);
    message.success(t('invitation.accepted'));
    navigate('/projects', { replace: true });
  });

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
          <AccountSetupFields email={info.email} testIdPrefix="invite-accept" submitting={submitting} />
        </Form>
      </Card>
    );
  }

  return <AuthLayout>{body}</AuthLayout>;
}
