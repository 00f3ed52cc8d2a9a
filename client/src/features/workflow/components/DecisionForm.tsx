import { useMemo } from 'react';
import { App, Button, Card, Flex, Form, Input, Radio } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SubmissionView } from '@shared/api/workflow';
import type { ProseMirrorJSON } from '@shared/editor/json';
import type { SubmissionDecisionKind } from '@shared/workflow/submissions';
import { decisionBody, returnReasonBody } from '@shared/validation/workflow';
import { useFormSubmit } from '../../../hooks/useFormSubmit';
import { maxLengthOf } from '../../../lib/schemaLimits';
import { ClausePicker } from '../../consultation';
import type { ClauseValue } from '../../consultation';
import { workflowApi } from '../api/workflowApi';
import { outlineOf } from '../lib/outline';

interface ReasonValues {
  text: string;
  clause?: ClauseValue;
}

interface Values {
  decision: SubmissionDecisionKind;
  reasons?: ReasonValues[];
  note?: string;
}

const FIELDS = ['decision', 'reasons', 'note'] as const;

/**
 * The bureau's check: accept (the local bureau forwards to the province, the province accepts into
 * review) or return with reasons — one per problem, each optionally on a clause of the submitted text.
 */
export function DecisionForm({
  submission,
  standard,
  onDecided,
}: {
  submission: SubmissionView;
  /** The submitted standard text (its outline anchors the reasons). */
  standard: ProseMirrorJSON | null;
  onDecided: (updated: SubmissionView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form);
  const outline = useMemo(() => (standard ? outlineOf(standard) : []), [standard]);
  const { submitting, submit } = useFormSubmit<Values>(form, FIELDS, async (values) => {
    const returning = values.decision === 'return';
    const updated = await workflowApi.decide(submission.id, {
      decision: values.decision,
      reasons: returning
        ? (values.reasons ?? []).map((r) => ({
            text: r.text.trim(),
            clauseId: r.clause?.clauseId ?? null,
            clauseLabel: r.clause?.clauseId ? null : r.clause?.clauseLabel || null,
          }))
        : [],
      note: (values.note ?? '').trim(),
    });
    void message.success(t(`workflow.decision.done.${updated.status}`));
    form.resetFields();
    onDecided(updated);
  });
  const level = submission.waitingFor === 'province' ? 'province' : 'local';
  return (
    <Card size="small" title={t(`workflow.decision.title.${level}`)} data-testid="decision-form">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ decision: 'accept', reasons: [{ text: '' }] }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="decision">
          <Radio.Group data-testid="decision-kind">
            <Radio.Button value="accept">{t(`workflow.decision.accept.${level}`)}</Radio.Button>
            <Radio.Button value="return">{t('workflow.decision.return')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {decision === 'return' ? (
          <Form.List
            name="reasons"
            rules={[
              {
                validator: async (_, reasons: ReasonValues[] | undefined) => {
                  if (!reasons || reasons.length === 0) throw new Error(t('workflow.decision.reasonRequired'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={8} style={{ marginBottom: 16 }}>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="flex-start" data-testid="decision-reason">
                    <Form.Item name={[field.name, 'clause']} style={{ width: 220, marginBottom: 0 }}>
                      <ClausePicker outline={outline} data-testid={`decision-reason-clause-${index}`} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'text']}
                      style={{ flex: 1, marginBottom: 0 }}
                      rules={[{ required: true, whitespace: true, message: t('workflow.decision.reasonText') }]}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        maxLength={maxLengthOf(returnReasonBody.shape.text)}
                        placeholder={t('workflow.decision.reasonPlaceholder')}
                        data-testid={`decision-reason-text-${index}`}
                      />
                    </Form.Item>
                    {fields.length > 1 ? (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        aria-label={t('app.remove')}
                        onClick={() => remove(field.name)}
                      />
                    ) : null}
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ text: '' })}
                  data-testid="decision-add-reason"
                >
                  {t('workflow.decision.addReason')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Flex>
            )}
          </Form.List>
        ) : null}
        <Form.Item name="note" label={t('workflow.decision.note')}>
          <Input.TextArea rows={2} maxLength={maxLengthOf(decisionBody.shape.note)} data-testid="decision-note" />
        </Form.Item>
        <Button
          type="primary"
          danger={decision === 'return'}
          htmlType="submit"
          loading={submitting}
          data-testid="decision-submit"
        >
          {decision === 'return' ? t('workflow.decision.submitReturn') : t(`workflow.decision.submitAccept.${level}`)}
        </Button>
      </Form>
    </Card>
  );
}
