/**
 * y-websocket sends every change of the awareness (presence) to the server and to the other tabs,
 * including changes it has just received from them: each client re-encodes and re-sends every other
 * user's caret moves and the server's presence. That presence carries the drafting checker's findings,
 * so on a large standard every check cost each open tab ~80 ms of encoding and sending (one long
 * task, in the middle of typing) and the server a copy of its own state from every client.
 * Here the provider announces only this client's own state; everything else already reached every
 * client from where it came.
 */
import type { WebsocketProvider } from 'y-websocket';

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

export function announceOwnAwarenessOnly(provider: WebsocketProvider): void {
  const announce: (changes: AwarenessChanges, origin: unknown) => void = provider._awarenessUpdateHandler;
  const own = provider.doc.clientID;
  const onlyOwn = (changes: AwarenessChanges, origin: unknown): void => {
    const mine = (clients: number[]) => clients.filter((client) => client === own);
    const added = mine(changes.added);
    const updated = mine(changes.updated);
    const removed = mine(changes.removed);
    if (added.length + updated.length + removed.length > 0) announce({ added, updated, removed }, origin);
  };
  provider.awareness.off('update', announce);
  provider.awareness.on('update', onlyOwn);
  // The provider removes this listener when it is destroyed.
  provider._awarenessUpdateHandler = onlyOwn;
}
