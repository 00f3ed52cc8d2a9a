import { useEffect, useEffectEvent } from 'react';
import { Alert, App, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemView, OutlineEntry, RoundView } from '@shared/api/consultation';
import { COMMENT_ELEMENTS, COMMENT_TYPES } from '@shared/domain/consultation';
import type { CommentElement, CommentType } from '@shared/domain/consultation';
import { createItemBody, updateItemBody } from '@shared/validation/consultation';
import type { CreateItemBody, UpdateItemBody } from '@shared/validation/consultation';
import { todayIso } from '../../../lib/format';
import { consultationApi } from '../api/consultationApi';
import { useCheckedSubmit } from '../hooks/useCheckedSubmit';
import { zodFieldProblems } from '../lib/zodFields';
import type { FieldProblem } from '../lib/zodFields';
import { ClausePicker } from './ClausePicker';
import { ModalFooter } from './ModalFooter';
import type { ClauseValue } from './ClausePicker';
import { maxLengthOf } from '../../../lib/schemaLimits';

interface ItemFormValues {
  recipientId?: string;
  clause?: ClauseValue;
  element?: CommentElement;
  commentType: CommentType;
  comment?: string;
  proposedChange?: string;
  submitterName?: string;
  receivedDate?: string;
}

const FIELDS = [
  'recipientId',
  'clause',
  'element',
  'commentType',
  'comment',
  'proposedChange',
  'submitterName',
  'receivedDate',
] as const;

/** The schemas name the clause `clauseId`/`clauseLabel`; the form has one picker for both. */
function onClauseField(problems: FieldProblem[]): FieldProblem[] {
  return problems.map((p) => (p.name === 'clauseId' || p.name === 'clauseLabel' ? { ...p, name: 'clause' } : p));
}

function contentOf(values: ItemFormValues, letter: boolean) {
  const clause = values.clause;
  return {
    ...(clause?.clauseId ? { clauseId: clause.clauseId } : { clauseId: null, clauseLabel: clause?.clauseLabel ?? '' }),
    ...(values.element ? { element: values.element } : {}),
    commentType: values.commentType,
    comment: values.comment ?? '',
    proposedChange: values.proposedChange ?? '',
    ...(letter ? { submitterName: values.submitterName ?? '', receivedDate: values.receivedDate || todayIso() } : {}),
  };
}

interface ItemFormModalProps {
  view: RoundView;
  outline: readonly OutlineEntry[];
  outlineLoading: boolean;
  open: boolean;
  /** The item to edit; a new comment when absent. */
  item?: ItemView;
  /** The unit a new comment is recorded for (from the recipients list). */
  recipientId?: string;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Records a comment (意见): online by a member of the consulted unit for their own unit, or by the
 * lead for any unit from a letter or e-mail (with the submitter and the received date).
 */
export function ItemFormModal({
  view,
  outline,
  outlineLoading,
  open,
  item,
  recipientId,
  onClose,
  onSaved,
}: ItemFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemFormValues>();
  const { saving, problem, setProblem, send } = useCheckedSubmit(form, FIELDS);
  const { access, round } = view;
  const selectedRecipient = Form.useWatch('recipientId', form);

  const selectable = round.recipients.filter((r) => access.canManage || access.answerForRecipientIds.includes(r.id));
  const letter = item
    ? item.source !== 'online'
    : access.canManage && !(selectedRecipient && access.answerForRecipientIds.includes(selectedRecipient));

  // The form is filled when the modal opens or switches items, not on every refetch of the round.
  const formSession = open ? JSON.stringify([item?.id ?? null, recipientId ?? null]) : null;
  const fillForm = useEffectEvent(() => {
    setProblem(null);
    form.resetFields();
    if (item) {
      form.setFieldsValue({
        recipientId: item.recipientId,
        clause: { clauseId: item.clauseId, clauseLabel: item.clauseLabel },
        element: item.element,
        commentType: item.commentType,
        comment: item.comment,
        proposedChange: item.proposedChange,
        submitterName: item.submitterName,
        receivedDate: item.receivedDate,
      });
    } else {
      const own = access.answerForRecipientIds.find((id) => round.recipients.some((r) => r.id === id));
      form.setFieldsValue({
        recipientId: recipientId ?? own ?? (selectable.length === 1 ? selectable[0]?.id : undefined),
        commentType: 'general',
      });
    }
  });
  useEffect(() => {
    if (formSession !== null) fillForm();
  }, [formSession]);

  const submit = async (values: ItemFormValues) => {
    const content = contentOf(values, letter);
    const body: CreateItemBody | UpdateItemBody = item
      ? content
      : { ...content, recipientId: values.recipientId ?? '' };
    const problems = onClauseField(
      zodFieldProblems(item ? updateItemBody : createItemBody, body, {
        recipientId: t('consultation.item.recipientRequired'),
        comment: t('validation.required'),
        clauseLabel: t('consultation.clause.required'),
        receivedDate: t('validation.date'),
      }),
    );
    await send(problems, async () => {
      if (item) await consultationApi.updateItem(round.id, item.id, body as UpdateItemBody);
      else await consultationApi.createItem(round.id, body as CreateItemBody);
      void message.success(item ? t('consultation.item.updated') : t('consultation.item.created'));
      onSaved();
    });
  };

  return (
    <Modal
      open={open}
      title={item ? t('consultation.item.editTitle', { seq: item.seq }) : t('consultation.item.addTitle')}
      onCancel={onClose}
      footer={<ModalFooter onCancel={onClose} onOk={() => form.submit()} loading={saving} okTestId="item-submit" />}
      width={720}
      forceRender
    >
      <Form<ItemFormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        data-testid="item-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              name="recipientId"
              label={t('consultation.item.unit')}
              rules={[{ required: true, message: t('consultation.item.recipientRequired') }]}
            >
              <Select
                disabled={item !== undefined}
                options={selectable.map((r) => ({ value: r.id, label: r.unitName }))}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="item-recipient"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label={t('consultation.item.source')}>
              <Input
                readOnly
                variant="borderless"
                value={t(letter ? 'consultation.source.letter' : 'consultation.source.online')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="clause"
              label={t('consultation.item.clause')}
              extra={t('consultation.clause.hint')}
              rules={[{ required: true, message: t('consultation.clause.required') }]}
            >
              <ClausePicker outline={outline} loading={outlineLoading} data-testid="item-clause" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="element" label={t('consultation.item.element')}>
              <Select
                allowClear
                placeholder={t('consultation.item.elementAuto')}
                options={COMMENT_ELEMENTS.map((e) => ({ value: e, label: t(`consultation.element.${e}`) }))}
                data-testid="item-element"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="commentType" label={t('consultation.item.type')}>
              <Radio.Group
                optionType="button"
                options={COMMENT_TYPES.map((c) => ({ value: c, label: t(`consultation.commentType.${c}`) }))}
                data-testid="item-type"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="comment"
          label={t('consultation.item.comment')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={maxLengthOf(createItemBody.shape.comment)}
            data-testid="item-comment"
          />
        </Form.Item>
        <Form.Item name="proposedChange" label={t('consultation.item.proposedChange')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={maxLengthOf(createItemBody.shape.proposedChange)}
            data-testid="item-proposed"
          />
        </Form.Item>
        {letter ? (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="submitterName" label={t('consultation.item.submitter')}>
                <Input maxLength={maxLengthOf(createItemBody.shape.submitterName)} data-testid="item-submitter" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="receivedDate"
                label={t('consultation.item.receivedDate')}
                extra={t('consultation.item.receivedHint')}
              >
                <Input type="date" data-testid="item-received" />
              </Form.Item>
            </Col>
          </Row>
        ) : null}
        {problem ? <Alert type="error" showIcon title={problem} /> : null}
      </Form>
    </Modal>
  );
}
