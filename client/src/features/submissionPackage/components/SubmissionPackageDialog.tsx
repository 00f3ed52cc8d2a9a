import { useState } from 'react';
import { Alert, Button, Checkbox, Modal, Radio, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProjectStage } from '@shared/domain/project';
import { STANDARD_STAGES } from '@shared/editor/structure/names';
import type { StandardStage } from '@shared/editor/structure/names';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { packageDownloadUrl, submissionPackageApi } from '../api/submissionPackageApi';
import type { PackageJobState } from '../hooks/usePackageJob';
import { PackagePartList } from './PackagePartList';
import { PackageResult } from './PackageResult';

/** The stage label a project's workflow stage is most likely packaged for. */
function defaultStage(stage: ProjectStage): StandardStage {
  if (stage === 'review-submission' || stage === 'technical-review') return '送审稿';
  if (stage === 'approval-submission' || stage === 'published' || stage === 'periodic-review') return '报批稿';
  return '征求意见稿';
}

export interface SubmissionPackageDialogProps {
  open: boolean;
  onClose: () => void;
  projectId: string;
  projectStage: ProjectStage;
  state: PackageJobState;
}

/** 提交材料: pick the stage label, build the package with its progress, see what went in, download. */
export function SubmissionPackageDialog({
  open,
  onClose,
  projectId,
  projectStage,
  state,
}: SubmissionPackageDialogProps) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<StandardStage>(() => defaultStage(projectStage));
  const [withPdf, setWithPdf] = useState(true);
  // Without LibreOffice on the server no PDF copy can be made: say so before the package is built.
  const formats = useApiQuery((signal) => submissionPackageApi.formats(signal), []);
  const pdfMissing = formats.data?.pdf === false;
  const { job, starting, error, start, reset } = state;

  const footer = [
    <Button key="close" onClick={onClose}>
      {t('submissionPackage.close')}
    </Button>,
    ...(job && job.status !== 'running'
      ? [
          <Button key="restart" onClick={reset} data-testid="package-restart">
            {t('submissionPackage.restart')}
          </Button>,
        ]
      : []),
    job?.status === 'done' ? (
      <Button
        key="download"
        type="primary"
        icon={<DownloadOutlined />}
        href={packageDownloadUrl(projectId, job.id)}
        data-testid="package-download"
      >
        {t('submissionPackage.download')}
      </Button>
    ) : (
      <Button
        key="start"
        type="primary"
        loading={starting || job?.status === 'running'}
        disabled={job !== null}
        // Asked for even without LibreOffice: the manifest then says why the PDFs are missing.
        onClick={() => void start({ stage, pdf: withPdf })}
        data-testid="package-start"
      >
        {job?.status === 'running' ? t('submissionPackage.startBusy') : t('submissionPackage.start')}
      </Button>
    ),
  ];

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('submissionPackage.title')}
      width={860}
      footer={footer}
      destroyOnHidden={false}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={16} data-testid="package-dialog">
        {job ? null : (
          <>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('submissionPackage.intro')}
            </Typography.Paragraph>
            <Space wrap>
              <Typography.Text strong>{t('submissionPackage.stage')}</Typography.Text>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                value={stage}
                onChange={(event) => setStage(event.target.value as StandardStage)}
                options={STANDARD_STAGES.map((s) => ({ value: s, label: s }))}
                data-testid="package-stage"
              />
            </Space>
            <Space orientation="vertical" size={0}>
              <Checkbox
                checked={withPdf && !pdfMissing}
                disabled={pdfMissing}
                onChange={(event) => setWithPdf(event.target.checked)}
                data-testid="package-pdf"
              >
                {t('submissionPackage.withPdf')}
              </Checkbox>
              {pdfMissing ? (
                <Typography.Text type="warning" data-testid="package-pdf-missing">
                  {t('submissionPackage.pdfUnavailable')}
                </Typography.Text>
              ) : null}
            </Space>
          </>
        )}
        {error ? <Alert type="error" showIcon title={describeError(error, t)} /> : null}
        {job ? (
          <>
            <Typography.Text strong data-testid="package-status" data-status={job.status}>
              {job.status === 'running'
                ? t('submissionPackage.building', { stage: job.stageLabel })
                : job.status === 'done'
                  ? t('submissionPackage.done', { stage: job.stageLabel })
                  : job.failure === 'lost'
                    ? t('submissionPackage.lost')
                    : t('submissionPackage.failed', { error: job.error ?? '' })}
            </Typography.Text>
            <PackagePartList parts={job.parts} status={job.status} />
            {job.manifest ? <PackageResult manifest={job.manifest} /> : null}
            {job.status === 'done' ? (
              <Typography.Text type="secondary">
                {t('submissionPackage.expires', { time: formatDateTime(job.expiresAt) })}
              </Typography.Text>
            ) : null}
          </>
        ) : null}
      </Space>
    </Modal>
  );
}
