import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function DocumentForbidden({ notFound = false }: { notFound?: boolean }) {
  const { t } = useTranslation();
  return (
    <Result
      status={notFound ? '404' : '403'}
      title={notFound ? t('document.notFound') : t('document.forbidden')}
      subTitle={notFound ? undefined : t('document.forbiddenDetail')}
      data-testid="document-forbidden"
      extra={
        <Link to="/projects">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}
