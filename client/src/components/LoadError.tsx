import { Alert, Button } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';

interface Props {
  error: unknown;
  /** Loads again; the alert offers it as 重试 / Retry. */
  onRetry: () => void;
  /** Says what failed in words of its own instead of describing the error. */
  title?: string;
  style?: CSSProperties;
}

/** A failed load: what went wrong, in the user's language, with a retry button. */
export function LoadError({ error, onRetry, title, style }: Props) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? describeError(error, t)}
      action={<Button onClick={onRetry}>{t('app.retry')}</Button>}
      style={style}
    />
  );
}
