import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectAccess } from '@shared/api/types';

/** Explains to reviewers, observers and non-members why they cannot change the text. */
export function ReadOnlyNotice({ access }: { access: ProjectAccess }) {
  const { t } = useTranslation();
  const reason =
    access.readOnlyReason ?? (access.role === 'reviewer' || access.role === 'observer' ? access.role : 'not-member');
  return (
    <Alert
      type="info"
      showIcon
      className="readonly-notice"
      data-testid="readonly-notice"
      title={
        <span>
          <strong>{t('document.readOnlyTitle')}</strong>
          {'：'}
          {t(`document.readOnly.${reason}`)}
        </span>
      }
    />
  );
}
