import { Form, Modal } from 'antd';
import type { FormInstance, FormProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormModalProps<T extends object> {
  open: boolean;
  title: ReactNode;
  /** The confirm button's text (创建 / 保存). */
  okText: string;
  form: FormInstance<T>;
  /** The confirm button spins while the form is being sent. */
  submitting: boolean;
  initialValues?: FormProps<T>['initialValues'];
  onSubmit: (values: T) => Promise<void>;
  onClose: () => void;
  width?: number;
  children: ReactNode;
}

/**
 * A dialog that is one vertical form: confirming submits the form, closing drops what was typed
 * (the form is rebuilt from `initialValues` when the dialog opens again).
 */
export function FormModal<T extends object>({
  open,
  title,
  okText,
  form,
  submitting,
  initialValues,
  onSubmit,
  onClose,
  width,
  children,
}: FormModalProps<T>) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('app.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={width}
    >
      <Form<T>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        onFinish={(values) => void onSubmit(values)}
      >
        {children}
      </Form>
    </Modal>
  );
}
