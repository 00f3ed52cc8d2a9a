import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationView } from '@shared/api/types';
import { createUserBody } from '@shared/validation/requests';
import { zodRule } from '../../../lib/formErrors';
import { maxLengthOf } from '../../../lib/schemaLimits';
import { useOrganizationOptions } from '../../organizations';

/**
 * The phone (checked as the user bodies check it; creating and editing share the rule) and the
 * organization (required) of an account, in the administrator's user forms.
 */
export function UserPhoneOrganizationFields({ organizations }: { organizations: OrganizationView[] }) {
  const { t } = useTranslation();
  const organizationOptions = useOrganizationOptions(organizations);
  return (
    <>
      <Form.Item
        name="phone"
        label={t('admin.phone')}
        rules={[zodRule(createUserBody.shape.phone, t('validation.phone'))]}
      >
        <Input maxLength={maxLengthOf(createUserBody.shape.phone)} />
      </Form.Item>
      <Form.Item
        name="organizationId"
        label={t('admin.organization')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select showSearch={{ optionFilterProp: 'label' }} options={organizationOptions} />
      </Form.Item>
    </>
  );
}
