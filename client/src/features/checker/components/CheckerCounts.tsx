import { Tag } from 'antd';
import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The numbers of errors and warnings. */
export function CheckerCounts({ errors, warnings }: { errors: number; warnings: number }) {
  const { t } = useTranslation();
  return (
    <div className="checker-counts">
      <Tag
        color={errors > 0 ? 'error' : 'default'}
        icon={<CloseCircleFilled />}
        data-testid="checker-count-errors"
        data-count={errors}
      >
        {t('checker.errors')} {errors}
      </Tag>
      <Tag
        color={warnings > 0 ? 'warning' : 'default'}
        icon={<ExclamationCircleFilled />}
        data-testid="checker-count-warnings"
        data-count={warnings}
      >
        {t('checker.warnings')} {warnings}
      </Tag>
    </div>
  );
}
