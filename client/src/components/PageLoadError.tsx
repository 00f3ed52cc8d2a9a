import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isStatus } from '../lib/errors';
import { LoadError } from './LoadError';

interface Props {
  error: unknown;
  onRetry: () => void;
  /** What the page says when the thing does not exist or may not be seen. */
  notFoundTitle: string;
}

/**
 * A page whose content failed to load: "not found" with the way back to the projects when the
 * server answers 403/404 (what may not be seen is not revealed), else the error with a retry.
 */
export function PageLoadError({ error, onRetry, notFoundTitle }: Props) {
  const { t } = useTranslation();
  if (isStatus(error, 403, 404)) {
    return (
      <Result
        status="404"
        title={notFoundTitle}
        extra={
          <Link to="/projects">
            <Button type="primary">{t('app.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return (
    <div className="page">
      <LoadError error={error} onRetry={onRetry} />
    </div>
  );
}
