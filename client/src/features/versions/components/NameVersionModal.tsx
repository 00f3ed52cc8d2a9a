import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { createVersionBody } from '@shared/validation/versions';
import { FormModal } from '../../../components/FormModal';
import { useFormSubmit } from '../../../hooks/useFormSubmit';
import { maxLengthOf } from '../../../lib/schemaLimits';
import { versionsApi } from '../api/versionsApi';

interface NameVersionModalProps {
  documentId: string;
  open: boolean;
  onClose: () => void;
}

interface NameValues {
  name: string;
}

const FIELDS = ['name'] as const;

/** 保存版本: the lead or a drafter names the current state ("启动会后"). */
export function NameVersionModal({ documentId, open, onClose }: NameVersionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NameValues>();
  const { submitting, submit } = useFormSubmit(form, FIELDS, async (values: NameValues) => {
    const version = await versionsApi.name(documentId, { name: values.name });
    void message.success(t('versions.named', { name: version.name }));
    onClose();
  });
  return (
    <FormModal<NameValues>
      open={open}
      title={t('versions.nameTitle')}
      okText={t('app.save')}
      form={form}
      submitting={submitting}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('versions.nameLabel')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input
          autoFocus
          maxLength={maxLengthOf(createVersionBody.shape.name)}
          placeholder={t('versions.namePlaceholder')}
          data-testid="version-name-input"
        />
      </Form.Item>
    </FormModal>
  );
}
