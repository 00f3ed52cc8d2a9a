import type { AuditView } from '@shared/api/types.js';
import type { AuditEntry } from '@shared/domain/project.js';
import type { ProjectGrant } from '../access/projectAccess.js';
import { mayReadAudit } from '../access/projectAccess.js';
import { newId } from '../auth/tokens.js';
import { Forbidden } from '../domain/errors.js';
import type { MetadataStore } from '../storage/types.js';

/** The project's audit log: who changed the project or its drafting group, what, when. */
export class AuditLog {
  constructor(private readonly store: MetadataStore) {}

  async record(projectId: string, actorId: string, action: string, detail: AuditEntry['detail'] = {}): Promise<void> {
    await this.store
      .collection('audit')
      .insert({ id: newId('aud'), projectId, actorId, action, detail, at: new Date().toISOString() });
  }

  private list(projectId: string): AuditEntry[] {
    return this.store
      .collection('audit')
      .findMany({ projectId })
      .sort((a, b) => b.at.localeCompare(a.at));
  }

  /** The log as its readers see it, newest first, with the names of who acted and on whom. */
  read({ project, access }: ProjectGrant): AuditView[] {
    if (!mayReadAudit(access)) throw new Forbidden('the audit log is for the lead, reviewers and administrators');
    const userName = (id: string): string | undefined => this.store.collection('users').get(id)?.name;
    return this.list(project.id).map((e) => ({
      ...e,
      actorName: userName(e.actorId) ?? e.actorId,
      subjectName: typeof e.detail.userId === 'string' ? (userName(e.detail.userId) ?? null) : null,
    }));
  }
}
