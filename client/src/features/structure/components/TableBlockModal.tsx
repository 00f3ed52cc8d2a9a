import { Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

export interface TableBlockValues {
  caption: string;
  rows: number;
  cols: number;
}

interface TableBlockModalProps {
  open: boolean;
  onInsert: (values: TableBlockValues) => void;
  onClose: () => void;
}

/** 插入表: caption and size of a numbered table (表1 …, the caption above the table). */
export function TableBlockModal({ open, onInsert, onClose }: TableBlockModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TableBlockValues>();
  return (
    <Modal
      open={open}
      title={t('structure.table.title')}
      okText={t('structure.table.insert')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={420}
    >
      <Form<TableBlockValues>
        form={form}
        layout="vertical"
        initialValues={{ caption: '', rows: 3, cols: 3 }}
        onFinish={(values) => onInsert({ caption: values.caption.trim(), rows: values.rows, cols: values.cols })}
        data-testid="table-block-form"
      >
        <Form.Item name="caption" label={t('structure.table.caption')} extra={t('structure.table.captionHint')}>
          <Input
            autoFocus
            placeholder={t('structure.table.captionPlaceholder')}
            data-testid="table-block-caption"
            onPressEnter={() => form.submit()}
          />
        </Form.Item>
        <div className="table-block-modal__size">
          <Form.Item name="rows" label={t('structure.table.rows')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} precision={0} onPressEnter={() => form.submit()} />
          </Form.Item>
          <Form.Item name="cols" label={t('structure.table.cols')} rules={[{ required: true }]}>
            <InputNumber min={1} max={12} precision={0} onPressEnter={() => form.submit()} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
