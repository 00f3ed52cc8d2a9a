import type { SubmittedDocument } from '@shared/workflow/submissions';
import { useApiQuery } from '../../../hooks/useApiQuery';
import type { ApiQuery } from '../../../hooks/useApiQuery';
import { workflowApi } from '../api/workflowApi';
import type { VersionContent } from '../api/workflowApi';

/** A submitted document's frozen content (none while no document is given). */
export function useFrozenVersion(document: SubmittedDocument | undefined): ApiQuery<VersionContent | null> {
  return useApiQuery(
    (signal) =>
      document ? workflowApi.version(document.documentId, document.versionId, signal) : Promise.resolve(null),
    [document?.documentId, document?.versionId],
  );
}
