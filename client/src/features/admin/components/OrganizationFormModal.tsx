import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { BUREAU_LEVELS, ORGANIZATION_KINDS } from '@shared/domain/organization';
import type { BureauLevel, OrganizationKind } from '@shared/domain/organization';
import type { OrganizationView } from '@shared/api/types';
import { CREDIT_CODE_LENGTH, isValidCreditCode } from '@shared/domain/creditCode';
import { organizationBody } from '@shared/validation/requests';
import { organizationsApi } from '../../organizations';
import { useFormSubmit } from '../../../hooks/useFormSubmit';
import { FormModal } from '../../../components/FormModal';
import { zodRule } from '../../../lib/formErrors';
import { maxLengthOf, minLengthOf } from '../../../lib/schemaLimits';

interface OrganizationValues {
  name: string;
  creditCode: string;
  kind: OrganizationKind;
  bureauLevel?: BureauLevel;
}

const FIELDS = ['name', 'creditCode', 'kind', 'bureauLevel'] as const;

interface OrganizationFormModalProps {
  open: boolean;
  /** The organization to edit (PATCH); a new one is created (POST) without it. */
  organization?: OrganizationView | null;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Creates (POST /api/organizations) or edits (PATCH /api/organizations/:id) an organization, checking
 * the 统一社会信用代码 (GB 32100-2015 check character) as it is typed.
 */
export function OrganizationFormModal({ open, organization, onClose, onSaved }: OrganizationFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrganizationValues>();
  const kind = Form.useWatch('kind', form);

  const { submitting, submit } = useFormSubmit(form, FIELDS, async (values: OrganizationValues) => {
    const body = {
      name: values.name.trim(),
      creditCode: values.creditCode.trim().toUpperCase(),
      kind: values.kind,
      bureauLevel: values.kind === 'market-supervision-bureau' ? values.bureauLevel : undefined,
    };
    if (organization) await organizationsApi.update(organization.id, body);
    else await organizationsApi.create(body);
    void message.success(t(organization ? 'admin.organizationUpdated' : 'admin.organizationCreated'));
    onSaved();
  });

  return (
    <FormModal<OrganizationValues>
      open={open}
      title={t(organization ? 'admin.editOrganization' : 'admin.createOrganization')}
      okText={t(organization ? 'app.save' : 'app.create')}
      form={form}
      submitting={submitting}
      onSubmit={submit}
      onClose={onClose}
      initialValues={
        organization
          ? {
              name: organization.name,
              creditCode: organization.creditCode ?? '',
              kind: organization.kind,
              bureauLevel: organization.bureauLevel,
            }
          : { kind: 'enterprise' }
      }
    >
      <Form.Item
        name="name"
        label={t('admin.orgName')}
        rules={[
          { required: true, message: t('validation.required') },
          zodRule(
            organizationBody.shape.name,
            t('validation.nameLength', { min: minLengthOf(organizationBody.shape.name) }),
          ),
        ]}
      >
        <Input maxLength={maxLengthOf(organizationBody.shape.name)} data-testid="organization-name" />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('admin.creditCode')}
        normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
        rules={[
          { required: true, message: t('validation.required') },
          {
            validator: async (_rule, value: unknown) => {
              if (typeof value === 'string' && value.length > 0 && !isValidCreditCode(value)) {
                throw new Error(t('validation.creditCode', { length: CREDIT_CODE_LENGTH }));
              }
            },
          },
        ]}
      >
        <Input maxLength={CREDIT_CODE_LENGTH} className="mono-input" data-testid="organization-credit-code" />
      </Form.Item>
      <Form.Item name="kind" label={t('admin.kind')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={ORGANIZATION_KINDS.map((v) => ({ value: v, label: t(`enums.organizationKind.${v}`) }))} />
      </Form.Item>
      {kind === 'market-supervision-bureau' ? (
        <Form.Item
          name="bureauLevel"
          label={t('admin.bureauLevel')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select options={BUREAU_LEVELS.map((v) => ({ value: v, label: t(`enums.bureauLevel.${v}`) }))} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
