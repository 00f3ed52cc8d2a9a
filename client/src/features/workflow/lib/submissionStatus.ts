import type { SubmissionStatus } from '@shared/workflow/submissions';

/** Tag colours of a submission's state. */
export const SUBMISSION_STATUS_COLORS: Record<SubmissionStatus, string> = {
  'local-check': 'processing',
  'province-check': 'blue',
  accepted: 'success',
  returned: 'error',
};
