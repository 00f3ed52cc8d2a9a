import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { expertInvitationBody } from '@shared/validation/reviews';
import { zodRule } from '../../../../lib/formErrors';
import { useOrganizationOptions, useOrganizations } from '../../../organizations';

/**
 * 邀请专家 in the open-review form: e-mails of experts to invite (relation 审评专家, role reviewer);
 * the organization is needed for someone without an account.
 */
export function ExpertInvitationFields() {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  const options = useOrganizationOptions(organizations.list);
  return (
    <Form.Item label={t('review.open.inviteLabel')} extra={t('review.open.inviteHint')}>
      <Form.List name="invitations">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start" data-testid="review-invitation">
                <Form.Item
                  name={[field.name, 'email']}
                  style={{ flex: 1, marginBottom: 0 }}
                  rules={[
                    { required: true, message: t('validation.required') },
                    zodRule(expertInvitationBody.shape.email, t('validation.email')),
                  ]}
                >
                  <Input inputMode="email" placeholder={t('invite.email')} data-testid="review-invite-email" />
                </Form.Item>
                <Form.Item name={[field.name, 'organizationId']} style={{ flex: 1, marginBottom: 0 }}>
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('invite.organization')}
                    options={options}
                    data-testid="review-invite-organization"
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('review.open.inviteRemove')}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<UserAddOutlined />}
              onClick={() => add({ email: '' })}
              data-testid="review-invite-add"
            >
              {t('review.open.invite')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
