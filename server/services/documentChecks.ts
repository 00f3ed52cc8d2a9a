/** The drafting checker's stored counts per document (`documentChecks`), recorded and announced in one place. */
import type { CollabServer } from '../collab/CollabServer.js';
import type { DocumentCheckedPayload } from '../collab/hooks.js';
import type { MetadataStore } from '../storage/types.js';

/**
 * Records a check's counts in `documentChecks` (written only when they changed) and announces the
 * check to every extension through the hook pipeline (`onDocumentChecked`).
 */
export async function publishDocumentCheck(
  metadata: MetadataStore,
  collab: CollabServer,
  payload: DocumentCheckedPayload,
): Promise<void> {
  const { documentId, projectId, counts, checkedAt } = payload;
  const checks = metadata.collection('documentChecks');
  const previous = checks.get(documentId);
  if (!previous) {
    await checks.insert({ id: documentId, projectId, ...counts, checkedAt });
  } else if (previous.errors !== counts.errors || previous.warnings !== counts.warnings) {
    await checks.update(documentId, { ...counts, checkedAt });
  }
  collab.documentChecked(payload);
}
