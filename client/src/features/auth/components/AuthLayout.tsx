import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/LanguageSwitch';

/** The frame of the pages shown before signing in: product name, language switch, one card. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <Flex justify="flex-end" className="auth-page__bar">
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" gap={24} className="auth-page__body">
        <div className="auth-page__brand">
          <div className="brand-mark">浙</div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
        </div>
        {children}
      </Flex>
    </div>
  );
}
