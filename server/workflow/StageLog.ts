/**
 * The stage log (`stageLog`): every move of a project between stages with who, when, from, to and
 * the note. A project created before the log existed, or by the seed, gets its first entry from its
 * creation (read, never stored), so the timeline always starts where the project did.
 */
import type { StageLogView } from '@shared/api/workflow.js';
import type { Project } from '@shared/domain/project.js';
import type { StageLogEntry } from '@shared/workflow/stageLog.js';
import { newId } from '../auth/tokens.js';
import type { MetadataStore } from '../storage/types.js';

export type NewStageLogEntry = Omit<StageLogEntry, 'id' | 'at'> & { at?: string };

export class StageLog {
  constructor(private readonly store: MetadataStore) {}

  async record(entry: NewStageLogEntry): Promise<StageLogEntry> {
    const record: StageLogEntry = { ...entry, id: newId('stg'), at: entry.at ?? new Date().toISOString() };
    await this.store.collection('stageLog').insert(record);
    return record;
  }

  /** The project's moves, oldest first, beginning with the stage it was created in. */
  entries(project: Project): StageLogEntry[] {
    const stored = this.store
      .collection('stageLog')
      .findMany({ projectId: project.id })
      .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    if (stored[0]?.from === null) return stored;
    const creator = this.store.collection('members').findOne({ projectId: project.id, role: 'lead' });
    const created: StageLogEntry = {
      id: `created-${project.id}`,
      projectId: project.id,
      from: null,
      to: stored[0]?.from ?? project.stage,
      by: null,
      actorId: creator?.userId ?? '',
      at: project.createdAt,
      note: '',
      submissionId: null,
    };
    return [created, ...stored];
  }

  views(project: Project): StageLogView[] {
    const users = this.store.collection('users');
    const organizations = this.store.collection('organizations');
    return this.entries(project).map((entry) => {
      const actor = users.get(entry.actorId);
      return {
        ...entry,
        actorName: actor?.name ?? '',
        actorOrganization: actor ? (organizations.get(actor.organizationId)?.name ?? '') : '',
      };
    });
  }
}
