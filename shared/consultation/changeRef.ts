/**
 * The change that implemented an accepted comment (`Implementation.changeRef`), taken from an entry
 * of the document's change history, and how the table and the round page name it.
 */
import type { HistoryEntryView } from '../api/history.js';
import type { ChangeRef } from '../domain/consultation.js';

/** The reference to a history entry, as the entry reads now (who, when, which clauses). */
export function changeRefOf(documentId: string, entry: HistoryEntryView): ChangeRef {
  const labels: string[] = [];
  for (const target of [...entry.changes, ...entry.structure]) {
    if (target.label && !labels.includes(target.label)) labels.push(target.label);
  }
  return {
    documentId,
    entryId: entry.id,
    userId: entry.userId,
    userName: entry.userName,
    organizationName: entry.organizationName,
    at: entry.to,
    labels,
  };
}

/**
 * "修改记录：2026-03-05 14:30 李四（某公司）修改 5.2、表1" — `time` is the entry's time as the reader
 * shows it (China time in exports, local time in the browser).
 */
export function describeChangeRef(ref: ChangeRef, time: string): string {
  const who = ref.organizationName ? `${ref.userName}（${ref.organizationName}）` : ref.userName;
  const where = ref.labels.length > 0 ? `修改 ${ref.labels.join('、')}` : '修改';
  return `修改记录：${time} ${who}${where}`;
}
