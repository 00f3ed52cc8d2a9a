import { Tag, Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { useServerStorageProblem } from '../hooks/useServerStorageProblem';

/**
 * Beside the connection status: shown while the server cannot store this document's changes (its
 * disk fails). Typing goes on — the changes stay in this page and in the server, which keeps
 * retrying and stores them once it can; the warning goes away then.
 */
export function StorageWarning({ awareness }: { awareness: Awareness }) {
  const { t } = useTranslation();
  const since = useServerStorageProblem(awareness);
  if (!since) return null;
  return (
    <Tooltip title={t('document.storage.failingHint')}>
      <Tag color="error" icon={<WarningOutlined />} role="alert" data-testid="storage-warning" data-since={since}>
        {t('document.storage.failing')}
      </Tag>
    </Tooltip>
  );
}
