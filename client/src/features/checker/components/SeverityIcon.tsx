import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { Severity } from '@shared/checker/types';

export function SeverityIcon({ severity }: { severity: Severity }) {
  return severity === 'error' ? (
    <CloseCircleFilled className="checker-severity checker-severity--error" />
  ) : (
    <ExclamationCircleFilled className="checker-severity checker-severity--warning" />
  );
}
