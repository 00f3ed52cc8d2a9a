import { Alert, App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { recipientBody } from '@shared/validation/consultation';
import type { RecipientBody } from '@shared/validation/consultation';
import { useOrganizations } from '../../organizations';
import { consultationApi } from '../api/consultationApi';
import { useCheckedSubmit } from '../hooks/useCheckedSubmit';
import { zodFieldProblems } from '../lib/zodFields';
import { ModalFooter } from './ModalFooter';
import { UnitFields } from './UnitFields';
import type { UnitValues } from './UnitFields';

interface RecipientValues extends UnitValues {
  organizationId?: string;
}

const FIELDS = ['unitName', 'contact', 'phone', 'email', 'organizationId'] as const;

export function toRecipientBody(values: UnitValues, organizationId: string | null = null): RecipientBody {
  const phone = values.phone?.trim();
  const email = values.email?.trim();
  return {
    unitName: (values.unitName ?? '').trim(),
    contact: (values.contact ?? '').trim(),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    organizationId,
  };
}

/** The lead adds a unit to the list of an open round (optionally linked to its organization in the system). */
export function RecipientFormModal({
  roundId,
  onClose,
  onSaved,
}: {
  roundId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecipientValues>();
  const organizations = useOrganizations();
  const { saving, problem, send } = useCheckedSubmit(form, FIELDS);

  const submit = async (values: RecipientValues) => {
    const body = toRecipientBody(values, values.organizationId ?? null);
    await send(zodFieldProblems(recipientBody, body), async () => {
      await consultationApi.addRecipient(roundId, body);
      void message.success(t('consultation.recipient.added'));
      onSaved();
    });
  };

  return (
    <Modal
      open
      title={t('consultation.recipient.add')}
      width={760}
      onCancel={onClose}
      footer={
        <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={saving} okTestId="recipient-submit" />
      }
    >
      <Form<RecipientValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<RecipientValues>) => {
          // Choosing an organization fills in its name.
          const org = changed.organizationId ? organizations.byId.get(changed.organizationId) : undefined;
          if (org && !form.getFieldValue('unitName')) form.setFieldValue('unitName', org.name);
        }}
      >
        <Form.Item
          name="organizationId"
          label={t('consultation.recipient.organization')}
          extra={t('consultation.recipient.organizationHint')}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={organizations.list.map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <UnitFields />
        {problem ? <Alert type="error" showIcon title={problem} /> : null}
      </Form>
    </Modal>
  );
}
