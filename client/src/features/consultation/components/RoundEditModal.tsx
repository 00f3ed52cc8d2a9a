import { useState } from 'react';
import { Alert, App, Col, Form, Input, Modal, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsultationRound } from '@shared/domain/consultation';
import { handlerBody, updateRoundBody } from '@shared/validation/consultation';
import type { UpdateRoundBody } from '@shared/validation/consultation';
import { describeError } from '../../../lib/errors';
import { applyServerIssues } from '../../../lib/formErrors';
import { consultationApi } from '../api/consultationApi';
import { showFieldProblems, zodFieldProblems } from '../lib/zodFields';
import { ModalFooter } from './ModalFooter';
import { maxLengthOf } from '../../../lib/schemaLimits';

interface RoundEditValues {
  title: string;
  deadline: string;
  handlerName: string;
  handlerPhone?: string;
}

const FIELDS = ['title', 'deadline', 'handlerName', 'handlerPhone'] as const;

/** The lead changes the title, the deadline and the 承办人 printed in the table header. */
export function RoundEditModal({
  round,
  onClose,
  onSaved,
}: {
  round: ConsultationRound;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoundEditValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: RoundEditValues) => {
    setProblem(null);
    const body: UpdateRoundBody = {
      title: values.title.trim(),
      deadline: values.deadline,
      handler: { name: values.handlerName.trim(), phone: (values.handlerPhone ?? '').trim() },
    };
    const problems = zodFieldProblems(updateRoundBody, body, {
      deadline: t('validation.date'),
      handler: t('consultation.open.handlerInvalid'),
    });
    if (problems.length > 0) {
      const rest = showFieldProblems(form, problems, FIELDS);
      if (rest.length > 0) setProblem(rest.join('；'));
      return;
    }
    setSaving(true);
    try {
      await consultationApi.update(round.id, body);
      void message.success(t('app.saved'));
      onSaved();
    } catch (error) {
      if (!applyServerIssues(form, error, FIELDS)) setProblem(describeError(error, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('consultation.round.edit')}
      onCancel={onClose}
      footer={
        <ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={saving} okTestId="round-edit-submit" />
      }
    >
      <Form<RoundEditValues>
        form={form}
        layout="vertical"
        initialValues={{
          title: round.title,
          deadline: round.deadline,
          handlerName: round.handler.name,
          handlerPhone: round.handler.phone,
        }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="title"
          label={t('consultation.round.title')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={maxLengthOf(updateRoundBody.shape.title)} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="deadline"
              label={t('consultation.round.deadline')}
              rules={[{ required: true, message: t('validation.date') }]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="handlerName"
              label={t('consultation.header.handler')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={maxLengthOf(handlerBody.shape.name)} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="handlerPhone" label={t('consultation.header.phone')}>
              <Input maxLength={maxLengthOf(handlerBody.shape.phone)} />
            </Form.Item>
          </Col>
        </Row>
        {problem ? <Alert type="error" showIcon title={problem} /> : null}
      </Form>
    </Modal>
  );
}
