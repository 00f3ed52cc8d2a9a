import type { AuditEntry } from '@shared/domain/project.js';
import type { MetadataStore } from '../storage/types.js';
import { newId } from '../auth/tokens.js';

/** The project's audit log: who changed the project or its drafting group, what, when. */
export class AuditLog {
  constructor(private readonly store: MetadataStore) {}

  async record(projectId: string, actorId: string, action: string, detail: AuditEntry['detail'] = {}): Promise<void> {
    await this.store
      .collection('audit')
      .insert({ id: newId('aud'), projectId, actorId, action, detail, at: new Date().toISOString() });
  }

  list(projectId: string): AuditEntry[] {
    return this.store
      .collection('audit')
      .findMany({ projectId })
      .sort((a, b) => b.at.localeCompare(a.at));
  }
}
