import { useState } from 'react';
import { Button } from 'antd';
import { FileZipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProjectStage } from '@shared/domain/project';
import { usePackageJob } from '../hooks/usePackageJob';
import { SubmissionPackageDialog } from './SubmissionPackageDialog';

/** The project page's 提交材料 button and its dialog (the job survives closing the dialog). */
export function SubmissionPackageButton({
  projectId,
  projectStage,
}: {
  projectId: string;
  projectStage: ProjectStage;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const state = usePackageJob(projectId);
  return (
    <>
      <Button icon={<FileZipOutlined />} onClick={() => setOpen(true)} data-testid="package-open">
        {t('submissionPackage.button')}
      </Button>
      <SubmissionPackageDialog
        open={open}
        onClose={() => setOpen(false)}
        projectId={projectId}
        projectStage={projectStage}
        state={state}
      />
    </>
  );
}
