import { Alert, App, Button, Card, Form, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { describeError, isStatus } from '../../../lib/errors';
import { AuthLayout } from '../../auth/components/AuthLayout';
import { useAuth } from '../../auth/hooks/useAuth';
import { consultationApi } from '../api/consultationApi';
import { roundPath } from '../lib/paths';
import { AccountSetupFields } from '../../invitations/components/AccountSetupFields';
import { useFormSubmit } from '../../../hooks/useFormSubmit';

interface AccountValues {
  name: string;
  phone?: string;
  password: string;
  passwordConfirm: string;
}

const FIELDS = ['name', 'phone', 'password'] as const;

/**
 * /round-invite/:token — the contact of a consulted unit outside the drafting group sets up an
 * account of their unit and lands on the round to enter its comments.
 */
export function RoundInvitationAcceptPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const { adopt } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<AccountValues>();
  const invitation = useApiQuery((signal) => consultationApi.invitation(token, signal), [token]);

  const { submitting, submit } = useFormSubmit(form, FIELDS, async (values: AccountValues) => {
    const response = await consultationApi.acceptInvitation(token, {
      name: values.name.trim(),
      phone: (values.phone ?? '').trim(),
      password: values.password,
    });
    adopt(response.user);
    message.success(t('invitation.accepted'));
    navigate(roundPath(response.projectId, response.roundId), { replace: true });
  });

  if (invitation.loading)
    return (
      <AuthLayout>
        <Spin size="large" />
      </AuthLayout>
    );
  if (invitation.error || !invitation.data) {
    return (
      <AuthLayout>
        <Result
          status="warning"
          title={
            isStatus(invitation.error, 404, 410, 400) ? t('invitation.invalid') : describeError(invitation.error, t)
          }
          extra={
            <Link to="/login">
              <Button type="primary">{t('auth.submit')}</Button>
            </Link>
          }
        />
      </AuthLayout>
    );
  }
  const info = invitation.data;
  return (
    <AuthLayout>
      <Card className="auth-card" data-testid="round-invite-page">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('consultation.invite.acceptTitle')}
        </Typography.Title>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('consultation.invite.acceptIntro', {
            unit: info.unitName,
            standard: info.standardName,
            round: info.roundTitle,
            deadline: info.deadline,
          })}
        />
        <Form<AccountValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <AccountSetupFields email={info.email} testIdPrefix="round-invite" submitting={submitting} />
        </Form>
      </Card>
    </AuthLayout>
  );
}
