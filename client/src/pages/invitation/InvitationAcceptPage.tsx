import type { ReactNode } from 'react';
import { Alert, App, Button, Card, Form, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { describeError, isStatus } from '../../lib/errors';
import { AuthLayout } from '../../features/auth/components/AuthLayout';
import { useAuth } from '../../features/auth/hooks/useAuth';
import { AccountSetupFields } from '../../features/invitations/components/AccountSetupFields';
import type { InvitationDetails, InvitationSource } from './invitationSource';

interface AcceptValues {
  name: string;
  phone?: string;
  password: string;
  passwordConfirm: string;
}

const FIELDS = ['name', 'phone', 'password'] as const;

interface InvitationAcceptPageProps<Info extends InvitationDetails> {
  source: InvitationSource<Info>;
}

/** An invitation link (`…/:token`): shows who invites whom, then creates the account, signs in and moves on. */
export function InvitationAcceptPage<Info extends InvitationDetails>({ source }: InvitationAcceptPageProps<Info>) {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const { adopt } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<AcceptValues>();
  const invitation = useApiQuery((signal) => source.load(token, signal), [source, token]);

  const { submitting, submit } = useFormSubmit(form, FIELDS, async (values: AcceptValues) => {
    const accepted = await source.accept(token, {
      name: values.name.trim(),
      phone: (values.phone ?? '').trim(),
      password: values.password,
    });
    adopt(accepted.user);
    void message.success(t('invitation.accepted'));
    void navigate(accepted.next, { replace: true });
  });

  let body: ReactNode;
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
      <Card className="auth-card" data-testid={source.cardTestId}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {source.title(t)}
        </Typography.Title>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={source.intro(info, t)} />
        <Form<AcceptValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <AccountSetupFields email={info.email} testIdPrefix={source.testIdPrefix} submitting={submitting} />
        </Form>
      </Card>
    );
  }

  return <AuthLayout>{body}</AuthLayout>;
}
