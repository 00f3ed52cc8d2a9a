/** The table `npm run migrate-data` prints after its check: counts per collection, documents, snapshots. */
import { textTable } from './textTable.js';
import type { Verification } from './migrationVerify.js';

/** Documents listed one by one up to this many; beyond, only those that differ. */
const LIST_ALL_DOCUMENTS = 30;

const mark = (ok: boolean): string => (ok ? 'ok' : 'MISMATCH');

export function migrationReport(verification: Verification): string {
  const collections = textTable(
    ['collection', 'source', 'PostgreSQL', ''],
    verification.collections.map((c) => [c.name, c.source, c.target, mark(c.ok)]),
  );
  const listed =
    verification.documents.length <= LIST_ALL_DOCUMENTS
      ? verification.documents
      : verification.documents.filter((d) => !d.ok);
  const documents = textTable(
    ['document', 'history windows (source)', 'history windows (PostgreSQL)', 'same windows', 'same state vector', ''],
    listed.map((d) => [
      d.id,
      d.sourceWindows,
      d.targetWindows,
      d.sameWindows ? 'yes' : 'no',
      d.sameStateVector ? 'yes' : 'no',
      mark(d.ok),
    ]),
  );
  const differing = verification.documents.filter((d) => !d.ok).length;
  const sets = (what: string, check: Verification['snapshots']): string =>
    `${what}: ${check.source} in the source, ${check.target} in PostgreSQL, ${check.different.length} differ${check.different.length > 0 ? ` (${check.different.join(', ')})` : ''}`;
  return [
    collections,
    '',
    documents,
    `documents: ${verification.documents.length} checked, ${differing} differ`,
    sets('snapshots', verification.snapshots),
    sets('files (submission packages…)', verification.blobs),
    verification.ok
      ? 'The copy is complete: every count, state vector, history window and file matches.'
      : 'The copy DIFFERS from the source (see MISMATCH above).',
  ].join('\n');
}
