import { useState } from 'react';
import { App, Button, Popconfirm } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SubmissionStageLabel } from '@shared/workflow/stages';
import { describeError } from '../../../lib/errors';
import { workflowApi } from '../api/workflowApi';

/**
 * 提交送审稿 / 提交报批稿: the lead submits once the gate passes, then sees the submission. The server
 * checks the gate again; a refused submission reloads the checklist, which then shows why.
 */
export function SubmitButton({
  projectId,
  stageLabel,
  gatePassed,
  onRefused,
}: {
  projectId: string;
  stageLabel: SubmissionStageLabel;
  gatePassed: boolean;
  onRefused: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      const submission = await workflowApi.submit(projectId, stageLabel);
      void message.success(t('workflow.submit.done', { stage: stageLabel }));
      void navigate(`/submissions/${encodeURIComponent(submission.id)}`);
    } catch (error) {
      void message.error(describeError(error, t));
      onRefused();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm
      title={t('workflow.submit.confirmTitle', { stage: stageLabel })}
      description={t('workflow.submit.confirm')}
      okText={t('workflow.submit.ok')}
      cancelText={t('app.cancel')}
      onConfirm={() => submit()}
      disabled={!gatePassed}
    >
      <Button type="primary" icon={<SendOutlined />} disabled={!gatePassed} loading={busy} data-testid="submit-draft">
        {t('workflow.submit.button', { stage: stageLabel })}
      </Button>
    </Popconfirm>
  );
}
