import { Alert } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TextLockReason } from '@shared/workflow/stages';

/** Why nobody edits the project's texts now (a waiting submission, the accepted draft, publication). */
export function TextLockBanner({ lock }: { lock: TextLockReason | null }) {
  const { t } = useTranslation();
  if (!lock) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<LockOutlined />}
      data-testid="text-lock-banner"
      data-lock={lock}
      title={t('document.readOnlyTitle')}
      description={t(`document.readOnly.${lock}`)}
    />
  );
}
