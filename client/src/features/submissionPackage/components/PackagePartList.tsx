import { List, Progress, Space, Tag, Typography } from 'antd';
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ClockCircleOutlined,
  LoadingOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PackageJobStatus, PackagePart, PackagePartStatus } from '@shared/api/submissionPackage';
import { partLabel } from '../lib/packageLabels';

const ICONS: Record<PackagePartStatus, React.ReactNode> = {
  pending: <ClockCircleOutlined style={{ color: '#bfbfbf' }} />,
  running: <LoadingOutlined style={{ color: '#1677ff' }} />,
  done: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  failed: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  skipped: <MinusCircleOutlined style={{ color: '#faad14' }} />,
};

const TAG_COLORS: Record<PackagePartStatus, string> = {
  pending: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
  skipped: 'warning',
};

/** The progress bar's look for the job's state. */
const PROGRESS_STATUS = { running: 'active', done: 'success', failed: 'exception' } as const;

/** Every part of the package being built, with its state and, if it failed, why. */
export function PackagePartList({ parts, status }: { parts: PackagePart[]; status: PackageJobStatus }) {
  const { t } = useTranslation();
  const finished = parts.filter((p) => p.status !== 'pending' && p.status !== 'running').length;
  const percent = parts.length === 0 ? 0 : Math.round((finished / parts.length) * 100);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <Progress
        percent={status === 'done' ? 100 : percent}
        status={PROGRESS_STATUS[status]}
        size="small"
        data-testid="package-progress"
      />
      <List
        size="small"
        dataSource={parts}
        rowKey="id"
        data-testid="package-parts"
        renderItem={(part) => (
          <List.Item data-testid={`package-part-${part.id}`} data-status={part.status}>
            <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
              <Space align="start">
                {ICONS[part.status]}
                <div>
                  <Typography.Text>{partLabel(part, t)}</Typography.Text>
                  {part.code ? (
                    <div>
                      <Typography.Text type={part.status === 'failed' ? 'danger' : 'warning'}>
                        {t(`submissionPackage.codes.${part.code}`)}
                      </Typography.Text>
                      {part.reason && part.status === 'failed' ? (
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          {part.reason}
                        </Typography.Text>
                      ) : null}
                    </div>
                  ) : null}
                </div>
              </Space>
              <Tag color={TAG_COLORS[part.status]}>{t(`submissionPackage.status.${part.status}`)}</Tag>
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
