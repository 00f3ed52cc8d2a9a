/**
 * The access losses an instance missed while cut off from Redis, told from what a metadata catch-up
 * changes (`PostgresMetadataStore.catchUp`): the sessions removed meanwhile (sign-out, disabled user,
 * new password) have ended, and the users whose access to a project differs (membership removed or
 * changed, user disabled or moved, organization or project or its workflow state changed) must be
 * authorized again: the signals the other instance's `access-changed` events and ended sessions
 * would have brought. AccessRelay raises them.
 */
import type { Project } from '@shared/domain/project.js';
import { snapshotAccess, usersWithChangedAccess } from '../access/accessChanges.js';
import type { AccessSnapshot } from '../access/accessChanges.js';
import { accessFor } from '../access/projectAccess.js';
import type { StoredRecord } from '../storage/lowdb/tables.js';
import type { RecordChange } from '../storage/postgres/PostgresMetadataStore.js';
import type { MetadataStore } from '../storage/types.js';
import type { AccessMessage } from './messages.js';

const userIdOf = (record: StoredRecord | null): string | null =>
  record && 'userId' in record && typeof record.userId === 'string' ? record.userId : null;

const projectIdOf = (record: StoredRecord | null): string | null =>
  record && 'projectId' in record && typeof record.projectId === 'string' ? record.projectId : null;

/** One user's access to every project, as comparable keys (by project id). */
function userAccess(store: MetadataStore, userId: string, projects: Project[]): AccessSnapshot {
  const snapshot: AccessSnapshot = new Map();
  const user = store.collection('users').get(userId);
  if (user) for (const project of projects) snapshot.set(project.id, JSON.stringify(accessFor(store, user, project)));
  return snapshot;
}

/**
 * Reads, while `store` still holds the records as before `changes`, whose access they may change;
 * the returned function, called once they are applied, tells the signals to raise.
 */
export function missedAccessChanges(store: MetadataStore, changes: readonly RecordChange[]): () => AccessMessage[] {
  const ended: AccessMessage[] = [];
  // Projects whose own record, or a record of theirs (members, submissions…), changed.
  const projectIds = new Set<string>();
  // Users whose own record, or whose organization's, changed.
  const userIds = new Set<string>();
  for (const { collection, id, before, after } of changes) {
    const userId = userIdOf(before);
    if (collection === 'sessions' && after === null && userId)
      ended.push({ kind: 'session-ended', userId, sessionId: id });
    if (collection === 'projects') projectIds.add(id);
    for (const projectId of [projectIdOf(before), projectIdOf(after)]) if (projectId) projectIds.add(projectId);
    if (collection === 'users') userIds.add(id);
    if (collection === 'organizations')
      for (const user of store.collection('users').findMany({ organizationId: id })) userIds.add(user.id);
  }
  if (projectIds.size === 0 && userIds.size === 0) return () => ended;

  // A project this instance did not know has no connections here to re-authorize.
  const known = (ids: Iterable<string>) =>
    [...ids].map((id) => store.collection('projects').get(id)).filter((project) => project !== undefined);
  const projectsBefore = new Map(known(projectIds).map((project) => [project.id, snapshotAccess(store, project)]));
  const allBefore = store.collection('projects').findMany();
  const usersBefore = new Map([...userIds].map((userId) => [userId, userAccess(store, userId, allBefore)]));

  return () => {
    const messages = [...ended];
    const allAfter = store.collection('projects').findMany();
    const everywhere = new Set<string>();
    for (const [userId, before] of usersBefore) {
      if (usersWithChangedAccess(before, userAccess(store, userId, allAfter)).length === 0) continue;
      everywhere.add(userId);
      messages.push({ kind: 'access-changed', userId, projectId: null });
    }
    for (const [projectId, before] of projectsBefore) {
      const project = store.collection('projects').get(projectId);
      const after: AccessSnapshot = project ? snapshotAccess(store, project) : new Map();
      for (const userId of usersWithChangedAccess(before, after))
        if (!everywhere.has(userId)) messages.push({ kind: 'access-changed', userId, projectId });
    }
    return messages;
  };
}
