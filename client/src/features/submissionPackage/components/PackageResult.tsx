import { Alert, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PackageFile, PackageManifest } from '@shared/api/submissionPackage';
import { failureTitle, fileTitle, formatSize, sourceLabel } from '../lib/packageLabels';

/** What went into the package: the plan fields, every file, what is missing and why, the checker's counts. */
export function PackageResult({ manifest }: { manifest: PackageManifest }) {
  const { t } = useTranslation();
  const { plan, check, pdf } = manifest;
  // PDFs left out on request are no failure: one line says so instead.
  const failures = manifest.failures.filter((f) => f.code !== 'not-requested');
  const columns: TableColumnsType<PackageFile> = [
    {
      title: t('submissionPackage.material'),
      key: 'material',
      render: (_, file) => (
        <div>
          <Typography.Text>{fileTitle(file, t)}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {file.path}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('submissionPackage.source'), key: 'source', render: (_, file) => sourceLabel(file.source, t) },
    { title: t('submissionPackage.size'), key: 'size', align: 'right', render: (_, file) => formatSize(file.size) },
    {
      title: t('submissionPackage.sha256'),
      key: 'sha256',
      render: (_, file) => (
        <Typography.Text code copyable={{ text: file.sha256 }} title={file.sha256}>
          {file.sha256.slice(0, 12)}
        </Typography.Text>
      ),
    },
  ];
  const unassigned = t('submissionPackage.notAssigned');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12} data-testid="package-result">
      <Typography.Text type="secondary">
        {t('submissionPackage.planFields', {
          planNumber: plan.planNumber || unassigned,
          standardNumber: plan.standardNumber || unassigned,
          registrationNumber: plan.registrationNumber || unassigned,
        })}
      </Typography.Text>
      {failures.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="package-failures"
          title={t('submissionPackage.missing', { count: failures.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {failures.map((f) => (
                <li key={`${f.partId}-${f.format}`}>
                  {t('submissionPackage.failure', {
                    title: failureTitle(f, t),
                    reason: t(`submissionPackage.codes.${f.code}`),
                  })}
                  <Typography.Text type="secondary"> — {f.reason}</Typography.Text>
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {pdf.code === 'not-requested' ? (
        <Typography.Text type="secondary" data-testid="package-no-pdf">
          {t('submissionPackage.pdfMissing', { reason: t(`submissionPackage.codes.${pdf.code}`) })}
        </Typography.Text>
      ) : null}
      <Typography.Text data-testid="package-check">
        {check
          ? t('submissionPackage.check', { errors: check.counts.errors, warnings: check.counts.warnings })
          : t('submissionPackage.checkFailed')}
      </Typography.Text>
      <Table<PackageFile>
        size="small"
        rowKey="path"
        columns={columns}
        dataSource={manifest.files}
        pagination={false}
        title={() => t('submissionPackage.files', { count: manifest.files.length })}
        data-testid="package-files"
      />
    </Space>
  );
}
