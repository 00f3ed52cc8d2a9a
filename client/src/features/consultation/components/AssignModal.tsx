import { useState } from 'react';
import { Alert, App, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemView } from '@shared/api/consultation';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { describeError } from '../../../lib/errors';
import { projectsApi } from '../../projects';
import { consultationApi } from '../api/consultationApi';
import { ModalFooter } from './ModalFooter';

interface AssignModalProps {
  projectId: string;
  roundId: string;
  item: ItemView;
  onClose: () => void;
  onSaved: () => void;
}

/** The lead assigns a comment to a drafter of the group (who then records the decision). */
export function AssignModal({ projectId, roundId, item, onClose, onSaved }: AssignModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const members = useApiQuery((signal) => projectsApi.members(projectId, signal), [projectId]);
  const [assigneeId, setAssigneeId] = useState<string | null>(item.assigneeId);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const drafters = (members.data ?? []).filter((m) => m.role === 'lead' || m.role === 'drafter');

  const save = async () => {
    setSaving(true);
    setProblem(null);
    try {
      await consultationApi.updateItem(roundId, item.id, { assigneeId });
      void message.success(t('consultation.assign.saved'));
      onSaved();
    } catch (error) {
      setProblem(describeError(error, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('consultation.assign.title', { seq: item.seq })}
      onCancel={onClose}
      footer={<ModalFooter onCancel={onClose} onOk={() => void save()} loading={saving} okTestId="assign-submit" />}
    >
      <Typography.Paragraph type="secondary">{t('consultation.assign.hint')}</Typography.Paragraph>
      <Select<string>
        style={{ width: '100%' }}
        allowClear
        loading={members.loading}
        value={assigneeId ?? undefined}
        onChange={(value) => setAssigneeId(value ?? null)}
        placeholder={t('consultation.assign.placeholder')}
        options={drafters.map((m) => ({ value: m.userId, label: `${m.name}（${m.organizationName}）` }))}
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="assign-select"
      />
      {members.error ? (
        <Alert type="error" showIcon title={describeError(members.error, t)} style={{ marginTop: 12 }} />
      ) : null}
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}
