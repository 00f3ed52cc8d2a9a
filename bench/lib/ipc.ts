/** Messages between the benchmark process and a server child process (Node IPC channel). */

export type ServerKind = 'ours' | 'reference' | 'relay';

export const SERVER_KINDS: readonly ServerKind[] = ['ours', 'reference', 'relay'];

export const SERVER_LABEL: Record<ServerKind, string> = {
  ours: 'ours',
  reference: 'reference (@y/websocket-server 0.1.1)',
  relay: 'relay (no CRDT, floor)',
};

/** Cumulative counters of the child; the parent subtracts two snapshots. */
export interface ChildStats {
  cpuUserUs: number;
  cpuSystemUs: number;
  eluIdleMs: number;
  eluActiveMs: number;
  rssBytes: number;
  /** Event-loop delay since the last reset (monitorEventLoopDelay, ms). */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

export type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'failed'; error: string }
  | { type: 'stats'; id: number; stats: ChildStats }
  | { type: 'closed' };

export type ParentMessage = { type: 'stats'; id: number; resetLoopDelay: boolean } | { type: 'close' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isChildMessage(value: unknown): value is ChildMessage {
  return (
    isRecord(value) &&
    (value.type === 'ready' || value.type === 'failed' || value.type === 'stats' || value.type === 'closed')
  );
}

export function isParentMessage(value: unknown): value is ParentMessage {
  return isRecord(value) && (value.type === 'stats' || value.type === 'close');
}
