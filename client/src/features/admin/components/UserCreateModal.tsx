import { App, Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationView } from '@shared/api/types';
import { createUserBody } from '@shared/validation/requests';
import { zodRule } from '../../../lib/formErrors';
import { usersApi } from '../api/usersApi';
import { UserPhoneOrganizationFields } from './UserPhoneOrganizationFields';
import { useFormSubmit } from '../../../hooks/useFormSubmit';
import { FormModal } from '../../../components/FormModal';
import { maxLengthOf, minLengthOf } from '../../../lib/schemaLimits';

interface UserValues {
  name: string;
  email: string;
  phone?: string;
  organizationId: string;
  password: string;
  isAdmin: boolean;
}

const FIELDS = ['name', 'email', 'phone', 'organizationId', 'password', 'isAdmin'] as const;

interface UserCreateModalProps {
  open: boolean;
  organizations: OrganizationView[];
  onClose: () => void;
  onCreated: () => void;
}

/** POST /api/users: an administrator creates an account with an initial password. */
export function UserCreateModal({ open, organizations, onClose, onCreated }: UserCreateModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserValues>();
  const required = { required: true, message: t('validation.required') };

  const { submitting, submit } = useFormSubmit(form, FIELDS, async (values: UserValues) => {
    await usersApi.create({
      name: values.name.trim(),
      email: values.email.trim().toLowerCase(),
      phone: (values.phone ?? '').trim(),
      organizationId: values.organizationId,
      password: values.password,
      isAdmin: values.isAdmin,
    });
    void message.success(t('admin.userCreated'));
    onCreated();
  });

  return (
    <FormModal<UserValues>
      open={open}
      title={t('admin.createUser')}
      okText={t('app.create')}
      form={form}
      submitting={submitting}
      initialValues={{ isAdmin: false }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('admin.userName')} rules={[required]}>
        <Input maxLength={maxLengthOf(createUserBody.shape.name)} />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('admin.email')}
        rules={[required, zodRule(createUserBody.shape.email, t('validation.email'))]}
      >
        <Input inputMode="email" autoComplete="off" />
      </Form.Item>
      <UserPhoneOrganizationFields organizations={organizations} />
      <Form.Item
        name="password"
        label={t('admin.password')}
        rules={[
          required,
          zodRule(
            createUserBody.shape.password,
            t('validation.password', { min: minLengthOf(createUserBody.shape.password) }),
          ),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="isAdmin" valuePropName="checked">
        <Checkbox>{t('admin.isAdmin')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
