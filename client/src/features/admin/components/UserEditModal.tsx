import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationView } from '@shared/api/types';
import type { PublicUser } from '@shared/domain/user';
import { updateUserBody } from '@shared/validation/requests';
import type { UpdateUserBody } from '@shared/validation/requests';
import { zodRule } from '../../../lib/formErrors';
import { usersApi } from '../api/usersApi';
import { UserPhoneOrganizationFields } from './UserPhoneOrganizationFields';
import { useFormSubmit } from '../../../hooks/useFormSubmit';
import { maxLengthOf, minLengthOf } from '../../../lib/schemaLimits';

interface UserEditValues {
  name: string;
  phone?: string;
  organizationId: string;
  isAdmin: boolean;
  password?: string;
}

const FIELDS = ['name', 'phone', 'organizationId', 'isAdmin', 'password'] as const;

interface UserEditModalProps {
  user: PublicUser | null;
  organizations: OrganizationView[];
  /** Administrators cannot take their own administrator rights away. */
  isSelf: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** PATCH /api/users/:id: name, phone, organization, administrator flag, and a password reset. */
export function UserEditModal({ user, organizations, isSelf, onClose, onSaved }: UserEditModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserEditValues>();
  const required = { required: true, message: t('validation.required') };

  const { submitting, submit } = useFormSubmit(form, FIELDS, async (values: UserEditValues) => {
    if (!user) return;
    const body: UpdateUserBody = {
      name: values.name.trim(),
      phone: (values.phone ?? '').trim(),
      organizationId: values.organizationId,
      ...(isSelf ? {} : { isAdmin: values.isAdmin }),
      ...(values.password ? { password: values.password } : {}),
    };
    await usersApi.update(user.id, body);
    void message.success(t('admin.userUpdated'));
    onSaved();
  });

  return (
    <Modal
      open={user !== null}
      title={user ? `${t('admin.editUser')} · ${user.email}` : t('admin.editUser')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {user ? (
        <Form<UserEditValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            name: user.name,
            phone: user.phone,
            organizationId: user.organizationId,
            isAdmin: user.isAdmin,
          }}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item name="name" label={t('admin.userName')} rules={[required]}>
            <Input maxLength={maxLengthOf(updateUserBody.shape.name)} data-testid="user-edit-name" />
          </Form.Item>
          <UserPhoneOrganizationFields organizations={organizations} />
          <Form.Item
            name="password"
            label={t('admin.newPassword')}
            extra={t('admin.newPasswordHint')}
            rules={[
              zodRule(
                updateUserBody.shape.password,
                t('validation.password', { min: minLengthOf(updateUserBody.shape.password) }),
              ),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-edit-password" />
          </Form.Item>
          <Form.Item name="isAdmin" valuePropName="checked">
            <Checkbox disabled={isSelf}>{t('admin.isAdmin')}</Checkbox>
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
