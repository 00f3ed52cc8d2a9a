/**
 * Who gains or loses rights when a project changes (supervising bureaus, lead unit): compare every
 * user's access before and after, so live sockets and event streams can be re-authorized.
 */
import type { Project } from '@shared/domain/project.js';
import type { MetadataStore } from '../storage/types.js';
import { accessFor } from './projectAccess.js';

export type AccessSnapshot = Map<string, string>;

/** Every user's access to the project, as comparable keys. */
export function snapshotAccess(store: MetadataStore, project: Project): AccessSnapshot {
  const snapshot: AccessSnapshot = new Map();
  for (const user of store.collection('users').findMany())
    snapshot.set(user.id, JSON.stringify(accessFor(store, user, project)));
  return snapshot;
}

/** The ids of users whose access differs between two snapshots. */
export function usersWithChangedAccess(before: AccessSnapshot, after: AccessSnapshot): string[] {
  const ids = new Set([...before.keys(), ...after.keys()]);
  return [...ids].filter((id) => before.get(id) !== after.get(id));
}
