import { Alert, App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemView } from '@shared/api/consultation';
import { implementedInBody, updateItemBody } from '@shared/validation/consultation';
import type { UpdateItemBody } from '@shared/validation/consultation';
import { describeError } from '../../../lib/errors';
import { consultationApi } from '../api/consultationApi';
import { useCheckedSubmit } from '../hooks/useCheckedSubmit';
import { useCurrentOutline } from '../hooks/useCurrentOutline';
import { useClauseChanges } from '../hooks/useClauseChanges';
import { changeLabel } from '../lib/changeLabel';
import { describeChangeRef } from '@shared/consultation/changeRef';
import { formatDateTime } from '../../../lib/format';
import { DECISION_KEYS, decisionOf, reasonMissing } from '../lib/decision';
import type { DecisionKey } from '../lib/decision';
import { zodFieldProblems } from '../lib/zodFields';
import { ModalFooter } from './ModalFooter';
import { maxLengthOf } from '../../../lib/schemaLimits';

interface DecideValues {
  decision: DecisionKey;
  reason?: string;
  implementedClauseId?: string;
  implementedNote?: string;
  /** The history entry (修改记录) that made the change. */
  implementedChangeEntryId?: string;
}

const FIELDS = [
  'decision',
  'reason',
  'implementedIn',
  'implementedClauseId',
  'implementedNote',
  'implementedChangeEntryId',
] as const;

function bodyOf(values: DecideValues, item: ItemView): UpdateItemBody {
  const body: UpdateItemBody = { decision: decisionOf(values.decision), reason: (values.reason ?? '').trim() };
  const clauseId = values.implementedClauseId ?? null;
  const note = (values.implementedNote ?? '').trim();
  const changeEntryId = values.implementedChangeEntryId ?? null;
  const before = item.implementedIn;
  // The implementation link is sent only when it changed (an unchanged link may point to a clause deleted since).
  if (
    clauseId !== (before?.clauseId ?? null) ||
    (clauseId !== null && (note !== (before?.note ?? '') || changeEntryId !== (before?.changeRef?.entryId ?? null)))
  ) {
    body.implementedIn = clauseId ? { clauseId, note, changeEntryId } : null;
  }
  return body;
}

interface DecideModalProps {
  roundId: string;
  /** The current standard text (its numbering gives the clauses to link). */
  documentId: string;
  item: ItemView;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * 处理意见: 采纳 / 部分采纳 / 不采纳 with the reason (备注, required unless accepted), and the clause of
 * the current text that implements the change. 未处理 reopens the item.
 */
export function DecideModal({ roundId, documentId, item, onClose, onSaved }: DecideModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecideValues>();
  const { saving, problem, send } = useCheckedSubmit(form, FIELDS);
  const current = useCurrentOutline(documentId);
  const decision = Form.useWatch('decision', form);
  const implementedClauseId = Form.useWatch('implementedClauseId', form);
  const changes = useClauseChanges(documentId, implementedClauseId);
  const changeOptions = changes.entries.map((entry) => ({
    value: entry.id,
    label: changeLabel(entry, formatDateTime(entry.to)),
  }));
  const picked = item.implementedIn?.changeRef;
  if (picked && !changeOptions.some((o) => o.value === picked.entryId)) {
    changeOptions.unshift({ value: picked.entryId, label: describeChangeRef(picked, formatDateTime(picked.at)) });
  }
  const reasonRequired = decision === 'partly-accepted' || decision === 'rejected';
  const implementationOptions = current.outline.map((o) => ({ value: o.id, label: `${o.label}  ${o.title}` }));
  const linked = item.implementedIn;
  if (linked && !current.outline.some((o) => o.id === linked.clauseId)) {
    implementationOptions.unshift({
      value: linked.clauseId,
      label: item.implementedInLabel ?? t('consultation.decide.implementedGone'),
    });
  }

  const submit = async (values: DecideValues) => {
    const body = bodyOf(values, item);
    const problems = zodFieldProblems(updateItemBody, body, { reason: t('consultation.decide.reasonRequired') });
    await send(problems, async () => {
      await consultationApi.updateItem(roundId, item.id, body);
      void message.success(t('consultation.decide.saved'));
      onSaved();
    });
  };

  return (
    <Modal
      open
      title={t('consultation.decide.title', { seq: item.seq })}
      onCancel={onClose}
      footer={<ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={saving} okTestId="decide-submit" />}
      width={640}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ marginBottom: 16 }}>
        {item.clauseLabel} · {item.unitName}：{item.comment}
      </Typography.Paragraph>
      <Form<DecideValues>
        form={form}
        layout="vertical"
        data-testid="decide-form"
        initialValues={{
          decision: item.decision ?? 'accepted',
          reason: item.reason,
          implementedClauseId: item.implementedIn?.clauseId,
          implementedNote: item.implementedIn?.note ?? '',
          implementedChangeEntryId: item.implementedIn?.changeRef?.entryId,
        }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="decision"
          label={t('consultation.item.decision')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={DECISION_KEYS.map((key) => ({ value: key, label: t(`consultation.decision.${key}`) }))}
            data-testid="decide-decision"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('consultation.item.reason')}
          required={reasonRequired}
          dependencies={['decision']}
          extra={reasonRequired ? undefined : t('consultation.decide.reasonHint')}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                const key = getFieldValue('decision') as DecisionKey | undefined;
                if (reasonMissing(key, typeof value === 'string' ? value : ''))
                  throw new Error(t('consultation.decide.reasonRequired'));
              },
            }),
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={maxLengthOf(updateItemBody.shape.reason)}
            data-testid="decide-reason"
          />
        </Form.Item>
        {decision !== 'open' ? (
          <>
            <Form.Item
              name="implementedClauseId"
              label={t('consultation.decide.implementedIn')}
              extra={t('consultation.decide.implementedHint')}
            >
              <Select
                allowClear
                loading={current.loading}
                showSearch={{ optionFilterProp: 'label' }}
                options={implementationOptions}
                placeholder={t('consultation.decide.implementedPlaceholder')}
                data-testid="decide-implemented"
              />
            </Form.Item>
            <Form.Item name="implementedNote" label={t('consultation.decide.implementedNote')}>
              <Input maxLength={maxLengthOf(implementedInBody.shape.note)} />
            </Form.Item>
            {implementedClauseId ? (
              <Form.Item
                name="implementedChangeEntryId"
                label={t('consultation.decide.implementedChange')}
                extra={t('consultation.decide.implementedChangeHint')}
              >
                <Select
                  allowClear
                  loading={changes.loading}
                  options={changeOptions}
                  placeholder={t('consultation.decide.implementedChangePlaceholder')}
                  notFoundContent={t('consultation.decide.implementedChangeNone')}
                  data-testid="decide-change"
                />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        {current.error ? (
          <Alert type="warning" showIcon title={describeError(current.error, t)} style={{ marginBottom: 12 }} />
        ) : null}
        {problem ? <Alert type="error" showIcon title={problem} /> : null}
      </Form>
    </Modal>
  );
}
