import { useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { InviteResponse, OrganizationView } from '@shared/api/types';
import { allowedRoles, fallbackRole } from '@shared/domain/memberRoles';
import { MEMBER_RELATIONS } from '@shared/domain/roles';
import type { MemberRelation, ProjectRole } from '@shared/domain/roles';
import { inviteBody } from '@shared/validation/requests';
import { formatDateTime } from '../../../lib/format';
import { useOrganizationOptions } from '../../organizations';
import { projectsApi } from '../api/projectsApi';
import { useFormSubmit } from '../../../hooks/useFormSubmit';
import { zodRule } from '../../../lib/formErrors';

interface InviteValues {
  email: string;
  role: ProjectRole;
  relation: MemberRelation;
  organizationId?: string;
}

const FIELDS = ['email', 'role', 'relation', 'organizationId'] as const;

interface InviteFormProps {
  projectId: string;
  organizations: OrganizationView[];
  onInvited: (response: InviteResponse) => void;
}

/** The invitation link as an absolute URL, whatever form the server gives it in. */
function absoluteLink(link: string): string {
  try {
    return new URL(link, window.location.origin).href;
  } catch {
    return link;
  }
}

/** Invites someone by email; an existing user joins at once, otherwise a link is shown to pass on. */
export function InviteForm({ projectId, organizations, onInvited }: InviteFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<InviteValues>();
  const [result, setResult] = useState<InviteResponse | null>(null);
  const organizationOptions = useOrganizationOptions(organizations);
  const relation = Form.useWatch('relation', form) ?? 'peer-company';
  const organizationId = Form.useWatch('organizationId', form);
  // Only the roles the workflow rule allows for this relation (and organization, when chosen).
  const organizationKind = organizations.find((o) => o.id === organizationId)?.kind ?? null;
  const roles = allowedRoles(relation, organizationKind);

  const { submitting, submit } = useFormSubmit(form, FIELDS, async (values: InviteValues) => {
    setResult(null);
    const response = await projectsApi.invite(projectId, {
      email: values.email.trim().toLowerCase(),
      role: values.role,
      relation: values.relation,
      organizationId: values.organizationId || undefined,
    });
    setResult(response);
    if (response.kind === 'added') void message.success(t('invite.added', { name: response.member.name }));
    form.resetFields(['email', 'organizationId']);
    onInvited(response);
  });

  return (
    <div data-testid="invite-form">
      <Form<InviteValues>
        form={form}
        layout="vertical"
        initialValues={{ role: 'drafter', relation: 'peer-company' }}
        onValuesChange={(changed: Partial<InviteValues>, values) => {
          if (!('relation' in changed) && !('organizationId' in changed)) return;
          const kind = organizations.find((o) => o.id === values.organizationId)?.kind ?? null;
          if (!allowedRoles(values.relation, kind).includes(values.role))
            form.setFieldValue('role', fallbackRole(values.relation, kind));
        }}
        onFinish={(values) => void submit(values)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12} lg={6}>
            <Form.Item
              name="email"
              label={t('invite.email')}
              rules={[
                { required: true, message: t('validation.required') },
                zodRule(inviteBody.shape.email, t('validation.email')),
              ]}
            >
              <Input inputMode="email" data-testid="invite-email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={4}>
            <Form.Item
              name="role"
              label={t('invite.role')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select
                options={roles.map((v) => ({ value: v, label: t(`enums.role.${v}`) }))}
                data-testid="invite-role"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={6}>
            <Form.Item
              name="relation"
              label={t('invite.relation')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select
                options={MEMBER_RELATIONS.map((v) => ({ value: v, label: t(`enums.relation.${v}`) }))}
                data-testid="invite-relation"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={8}>
            <Form.Item name="organizationId" label={t('invite.organization')} extra={t('invite.organizationHint')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={organizationOptions}
                data-testid="invite-organization"
              />
            </Form.Item>
          </Col>
        </Row>
        <Button
          type="primary"
          htmlType="submit"
          icon={<UserAddOutlined />}
          loading={submitting}
          data-testid="invite-submit"
        >
          {t('invite.submit')}
        </Button>
      </Form>
      {result?.kind === 'invited' ? (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="invitation-link"
          title={t('invite.invited')}
          description={
            <div>
              <Typography.Paragraph copyable={{ text: absoluteLink(result.link) }} style={{ marginBottom: 4 }}>
                <Typography.Text code>{absoluteLink(result.link)}</Typography.Text>
              </Typography.Paragraph>
              <Typography.Text type="secondary">
                {result.invitation.email} · {t('invite.expiresAt')} {formatDateTime(result.invitation.expiresAt)}
              </Typography.Text>
            </div>
          }
          closable={{ onClose: () => setResult(null) }}
        />
      ) : null}
    </div>
  );
}
