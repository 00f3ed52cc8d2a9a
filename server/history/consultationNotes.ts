/**
 * The other side of the consultation link: for each history entry of a document, the consultation
 * comments whose handler picked it as the change that implemented them (`implementedIn.changeRef`).
 */
import type { HistoryConsultationNote } from '@shared/api/history.js';
import type { MetadataStore } from '../storage/types.js';

/** Entry id → the comments it implemented, by round and 序号. */
export function consultationNotes(
  metadata: MetadataStore,
  projectId: string,
  documentId: string,
): Map<string, HistoryConsultationNote[]> {
  const items = metadata.collection('consultationItems');
  const notes = new Map<string, HistoryConsultationNote[]>();
  for (const round of metadata.collection('consultationRounds').findMany({ projectId })) {
    for (const item of items.findMany({ roundId: round.id })) {
      const ref = item.implementedIn?.changeRef;
      if (!ref || ref.documentId !== documentId) continue;
      const list = notes.get(ref.entryId) ?? [];
      list.push({
        roundId: round.id,
        roundNumber: round.number,
        itemId: item.id,
        seq: item.seq,
        clauseLabel: item.clauseLabel,
        decision: item.decision,
      });
      notes.set(ref.entryId, list);
    }
  }
  for (const list of notes.values()) list.sort((a, b) => a.roundNumber - b.roundNumber || a.seq - b.seq);
  return notes;
}
