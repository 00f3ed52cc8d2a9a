import type { DiffCell, DiffPart, DiffSegment } from '@shared/api/versionDiff';

/** The older text of a run of segments (kept and deleted runs), with the deleted ones marked. */
export function beforeSegments(segments: readonly DiffSegment[]): DiffSegment[] {
  return segments.filter((s) => s.op !== 'insert');
}

/** The newer text (kept and inserted runs), with the inserted ones marked. */
export function afterSegments(segments: readonly DiffSegment[]): DiffSegment[] {
  return segments.filter((s) => s.op !== 'delete');
}

export function textOf(segments: readonly DiffSegment[]): string {
  return segments.map((s) => s.text).join('');
}

export function hasChanges(segments: readonly DiffSegment[]): boolean {
  return segments.some((s) => s.op !== 'equal');
}

/** Parts the clause list shows: changed, inserted, deleted or moved. */
export function isListed(part: DiffPart): boolean {
  return part.status !== 'unchanged' || part.moved;
}

/** The changed cells of a table part, in reading order. */
export function changedCells(part: DiffPart): DiffCell[] {
  return (part.rows ?? []).flat().filter((cell) => cell.status !== 'unchanged');
}

/** Parts that can be restored one by one (chapters, clauses, annexes, terms, tables, figures; cover, foreword, bibliography). */
export function restoreKey(part: DiffPart): string | null {
  if (part.clauseId) return part.clauseId;
  return part.kind === 'cover' || part.kind === 'foreword' || part.kind === 'bibliography' ? part.kind : null;
}
