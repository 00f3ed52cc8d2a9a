import { useState } from 'react';
import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectStage } from '@shared/domain/project';
import { stageMoveBody } from '@shared/validation/workflow';
import { FormModal } from '../../../components/FormModal';
import { useFormSubmit } from '../../../hooks/useFormSubmit';
import { maxLengthOf } from '../../../lib/schemaLimits';
import { workflowApi } from '../api/workflowApi';

interface Values {
  to: ProjectStage;
  note: string;
}

/** The province moves the project on with a recorded note (where no other action moves it). */
export function ProvinceMoveButton({
  projectId,
  moveTo,
  onMoved,
}: {
  projectId: string;
  moveTo: ProjectStage[];
  onMoved: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { submitting, submit } = useFormSubmit<Values>(form, ['to', 'note'], async (values) => {
    await workflowApi.moveStage(projectId, { to: values.to, note: values.note.trim() });
    setOpen(false);
    onMoved();
  });
  if (moveTo.length === 0) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="stage-move">
        {t('workflow.move.button')}
      </Button>
      <FormModal<Values>
        open={open}
        title={t('workflow.move.title')}
        okText={t('workflow.move.ok')}
        form={form}
        submitting={submitting}
        initialValues={{ to: moveTo[0] }}
        onSubmit={submit}
        onClose={() => setOpen(false)}
      >
        <Form.Item
          name="to"
          label={t('workflow.move.to')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select options={moveTo.map((s) => ({ value: s, label: t(`enums.stage.${s}`) }))} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('workflow.move.note')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={maxLengthOf(stageMoveBody.shape.note)} data-testid="stage-move-note" />
        </Form.Item>
      </FormModal>
    </>
  );
}
