/** 待回复的征求意见: the open rounds a user answers for, inside the drafting group or outside it. */
import type { PendingConsultation } from '@shared/api/consultation.js';
import { accessFor } from '../access/projectAccess.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';
import { answersFor } from '../access/consultationAccess.js';

export function pendingConsultations(store: MetadataStore, user: UserRecord): PendingConsultation[] {
  const result: PendingConsultation[] = [];
  for (const round of store.collection('consultationRounds').findMany({ closedAt: null })) {
    const project = store.collection('projects').get(round.projectId);
    if (!project) continue;
    const units = round.recipients.filter((r) => answersFor(store, { user, project }, r));
    if (units.length === 0) continue;
    const items = store.collection('consultationItems').findMany({ roundId: round.id });
    result.push({
      roundId: round.id,
      projectId: project.id,
      standardName: project.nameZh,
      title: round.title,
      deadline: round.deadline,
      units: units.map((r) => ({
        recipientId: r.id,
        unitName: r.unitName,
        reply: r.reply,
        items: items.filter((i) => i.recipientId === r.id).length,
      })),
      unitOnly: !accessFor(store, user, project).canView,
    });
  }
  return result.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.standardName.localeCompare(b.standardName));
}
