import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RecognitionTable } from '../features/workflow';

/** /recognition — the recognition list (认定目录): every standard the province registered. */
export function RecognitionPage() {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="recognition-page">
      <Typography.Title level={3} className="page__header" style={{ margin: '0 0 16px' }}>
        {t('recognition.title')}
      </Typography.Title>
      <RecognitionTable />
    </div>
  );
}
