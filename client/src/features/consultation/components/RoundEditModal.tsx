import { Alert, App, Col, Form, Input, Modal, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsultationRound } from '@shared/domain/consultation';
import { updateRoundBody } from '@shared/validation/consultation';
import type { UpdateRoundBody } from '@shared/validation/consultation';
import { consultationApi } from '../api/consultationApi';
import { useCheckedSubmit } from '../hooks/useCheckedSubmit';
import { zodFieldProblems } from '../lib/zodFields';
import { HandlerFields, handlerOf } from './HandlerFields';
import type { HandlerValues } from './HandlerFields';
import { ModalFooter } from './ModalFooter';
import { maxLengthOf } from '../../../lib/schemaLimits';

interface RoundEditValues extends HandlerValues {
  title: string;
  deadline: string;
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
  const { saving, problem, send } = useCheckedSubmit(form, FIELDS);

  const submit = async (values: RoundEditValues) => {
    const body: UpdateRoundBody = {
      title: values.title.trim(),
      deadline: values.deadline,
      handler: handlerOf(values),
    };
    const problems = zodFieldProblems(updateRoundBody, body, {
      deadline: t('validation.date'),
      handler: t('consultation.open.handlerInvalid'),
    });
    await send(problems, async () => {
      await consultationApi.update(round.id, body);
      void message.success(t('app.saved'));
      onSaved();
    });
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
          <HandlerFields col={{ xs: 12, sm: 8 }} />
        </Row>
        {problem ? <Alert type="error" showIcon title={problem} /> : null}
      </Form>
    </Modal>
  );
}
