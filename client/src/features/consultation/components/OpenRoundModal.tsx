import { useMemo } from 'react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Divider,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RoundView } from '@shared/api/consultation';
import type { MemberView } from '@shared/api/types';
import { openRoundBody } from '@shared/validation/consultation';
import type { OpenRoundBody } from '@shared/validation/consultation';
import { todayIso } from '../../../lib/format';
import { useCurrentUser } from '../../auth';
import { useOrganizations } from '../../organizations';
import { consultationApi } from '../api/consultationApi';
import { useCheckedSubmit } from '../hooks/useCheckedSubmit';
import { addDaysIso } from '../lib/dates';
import { groupRecipient, groupUnits } from '../lib/recipients';
import { zodFieldProblems } from '../lib/zodFields';
import { HandlerFields, handlerOf } from './HandlerFields';
import type { HandlerValues } from './HandlerFields';
import { ModalFooter } from './ModalFooter';
import { toRecipientBody } from './RecipientFormModal';
import { UnitFields } from './UnitFields';
import type { UnitValues } from './UnitFields';
import { maxLengthOf } from '../../../lib/schemaLimits';

interface OpenRoundValues extends HandlerValues {
  title?: string;
  deadline: string;
  groupUnitIds: string[];
  outside: OutsideUnitValues[];
}

/** A unit outside the group, optionally linked to its organization in the system (its users then answer online). */
interface OutsideUnitValues extends UnitValues {
  organizationId?: string;
}

const FIELDS = ['title', 'deadline', 'handlerName', 'handlerPhone', 'groupUnitIds', 'outside'] as const;

/** Replies are usually asked for within a month. */
const DEFAULT_DAYS = 30;

interface OpenRoundModalProps {
  projectId: string;
  members: MemberView[];
  onClose: () => void;
  onOpened: (view: RoundView) => void;
}

/**
 * 发起征求意见: freezes the current standard text as the 征求意见稿 and records whom it is sent to —
 * the units of the drafting group (preselected from the members) and units outside it.
 */
export function OpenRoundModal({ projectId, members, onClose, onOpened }: OpenRoundModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<OpenRoundValues>();
  const { saving, problem, setProblem, send } = useCheckedSubmit(form, FIELDS);
  const units = useMemo(() => groupUnits(members), [members]);
  const organizations = useOrganizations();
  const linkOrganization = (row: number, organizationId: string | undefined) => {
    const org = organizationId ? organizations.byId.get(organizationId) : undefined;
    // Choosing an organization fills in its name.
    if (org && !form.getFieldValue(['outside', row, 'unitName']))
      form.setFieldValue(['outside', row, 'unitName'], org.name);
  };

  const bodyOf = (values: OpenRoundValues): OpenRoundBody => {
    const chosen = units.filter((u) => values.groupUnitIds.includes(u.organizationId)).map(groupRecipient);
    const outside = (values.outside ?? []).map((v) => toRecipientBody(v, v.organizationId ?? null));
    const title = values.title?.trim();
    return {
      ...(title ? { title } : {}),
      deadline: values.deadline,
      handler: handlerOf(values),
      recipients: [...chosen, ...outside],
    };
  };

  const submit = async (values: OpenRoundValues) => {
    const body = bodyOf(values);
    const names = body.recipients.map((r) => r.unitName);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate) {
      setProblem(t('consultation.open.duplicateUnit', { unit: duplicate }));
      return;
    }
    if (body.recipients.length === 0) {
      setProblem(t('consultation.open.noRecipients'));
      return;
    }
    const problems = zodFieldProblems(openRoundBody, body, {
      deadline: t('validation.date'),
      handler: t('consultation.open.handlerInvalid'),
    });
    await send(problems, async () => {
      const view = await consultationApi.open(projectId, body);
      void message.success(t('consultation.open.done', { title: view.round.title }));
      onOpened(view);
    });
  };

  return (
    <Modal
      open
      width={920}
      title={t('consultation.open.title')}
      onCancel={onClose}
      footer={
        <ModalFooter
          onCancel={onClose}
          onOk={() => form.submit()}
          loading={saving}
          okText={t('consultation.open.submit')}
          okTestId="round-open-submit"
        />
      }
    >
      <Alert type="info" showIcon title={t('consultation.open.freezeNotice')} style={{ marginBottom: 16 }} />
      <Form<OpenRoundValues>
        form={form}
        layout="vertical"
        data-testid="round-open-form"
        initialValues={{
          deadline: addDaysIso(DEFAULT_DAYS),
          handlerName: user.name,
          handlerPhone: user.phone,
          groupUnitIds: units.filter((u) => u.consulted).map((u) => u.organizationId),
          outside: [],
        }}
        onFinish={(values) => void submit(values)}
      >
        <Row gutter={16}>
          <Col xs={24} md={9}>
            <Form.Item
              name="title"
              label={t('consultation.open.roundTitle')}
              extra={t('consultation.open.roundTitleHint')}
            >
              <Input maxLength={maxLengthOf(openRoundBody.shape.title)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item
              name="deadline"
              label={t('consultation.round.deadline')}
              rules={[
                { required: true, message: t('validation.date') },
                {
                  validator: async (_rule, value: unknown) => {
                    if (typeof value === 'string' && value && value < todayIso())
                      throw new Error(t('consultation.open.deadlinePast'));
                  },
                },
              ]}
            >
              <Input type="date" data-testid="round-deadline" />
            </Form.Item>
          </Col>
          <HandlerFields col={{ xs: 12, md: 5 }} />
        </Row>
        <Divider titlePlacement="start" plain>
          {t('consultation.open.groupUnits')}
        </Divider>
        <Form.Item name="groupUnitIds" extra={t('consultation.open.groupUnitsHint')}>
          <Checkbox.Group style={{ width: '100%' }} data-testid="round-group-units">
            <Flex vertical gap={6}>
              {units.map((u) => (
                <Checkbox key={u.organizationId} value={u.organizationId}>
                  {u.unitName}{' '}
                  {u.relations.map((r) => (
                    <Tag key={r}>{t(`enums.relation.${r}`)}</Tag>
                  ))}
                  <Typography.Text type="secondary">{u.contact}</Typography.Text>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('consultation.open.outsideUnits')}
        </Divider>
        <Form.List name="outside">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <div style={{ flex: 1 }}>
                    <Form.Item name={[field.name, 'organizationId']} style={{ marginBottom: 8 }}>
                      <Select
                        allowClear
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder={t('consultation.open.outsideOrganization')}
                        options={organizations.list.map((o) => ({ value: o.id, label: o.name }))}
                        onChange={(value: string | undefined) => linkOrganization(field.name, value)}
                        data-testid={`outside-${index}-organization`}
                      />
                    </Form.Item>
                    <UnitFields prefix={field.name} showLabels={index === 0} testIdPrefix={`outside-${index}`} />
                  </div>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('app.remove')}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: 0 }}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="round-add-outside">
                {t('consultation.open.addOutside')}
              </Button>
            </Flex>
          )}
        </Form.List>
        {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} /> : null}
      </Form>
    </Modal>
  );
}
