import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { PresenceUser } from '@shared/domain/user';

export interface PresenceEntry extends PresenceUser {
  isSelf: boolean;
  /** Set by the server for connections without edit rights. */
  readOnly: boolean;
  /** Open connections of this person (tabs, devices). */
  connections: number;
}

function readUser(state: Record<string, unknown>): (PresenceUser & { readOnly: boolean }) | null {
  const user = state.user;
  if (typeof user !== 'object' || user === null) return null;
  const record = user as Record<string, unknown>;
  const { id, name, organization, color, readOnly } = record;
  if (typeof id !== 'string' || typeof name !== 'string') return null;
  return {
    id,
    name,
    organization: typeof organization === 'string' ? organization : '',
    color: typeof color === 'string' ? color : '#8c8c8c',
    readOnly: readOnly === true,
  };
}

function collect(awareness: Awareness, selfId: string): PresenceEntry[] {
  const byUser = new Map<string, PresenceEntry>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = readUser(state);
    if (!user) continue;
    const isSelf = clientId === awareness.clientID || user.id === selfId;
    const existing = byUser.get(user.id);
    if (existing) {
      existing.connections++;
      existing.readOnly = existing.readOnly && user.readOnly;
      continue;
    }
    byUser.set(user.id, { ...user, isSelf, connections: 1 });
  }
  return [...byUser.values()].sort((a, b) =>
    a.isSelf === b.isSelf ? a.name.localeCompare(b.name, 'zh-CN') : a.isSelf ? -1 : 1,
  );
}

function samePresence(a: readonly PresenceEntry[], b: readonly PresenceEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return (
        y !== undefined &&
        x.id === y.id &&
        x.name === y.name &&
        x.organization === y.organization &&
        x.color === y.color &&
        x.isSelf === y.isSelf &&
        x.readOnly === y.readOnly &&
        x.connections === y.connections
      );
    })
  );
}

/** Everyone present in the document (awareness states), one entry per person, yourself first. */
export function usePresence(awareness: Awareness, selfId: string): PresenceEntry[] {
  const [entries, setEntries] = useState<PresenceEntry[]>(() => collect(awareness, selfId));
  useEffect(() => {
    // Carets move with every keystroke: keep the same list (no re-render) unless a person changed.
    const refresh = () => {
      const next = collect(awareness, selfId);
      setEntries((current) => (samePresence(current, next) ? current : next));
    };
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness, selfId]);
  return entries;
}
