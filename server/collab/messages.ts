/**
 * The y-websocket wire protocol at the boundary: incoming frames are decoded and validated here,
 * before anything touches a document. Frame = varUint(type) + payload (see FIELD-NOTES.md).
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';

export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;

export type IncomingMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; entries: AwarenessEntry[] }
  | { type: 'query-awareness' }
  | { type: 'auth' };

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** Parsed JSON state; null means the client went away. */
  state: Record<string, unknown> | null;
}

export class MalformedMessage extends Error {}

function ensureConsumed(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after message');
}

/** Checks that bytes are a well-formed Yjs update without applying them anywhere. */
export function assertValidUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update);
  } catch {
    throw new MalformedMessage('invalid Yjs update');
  }
}

export function readAwarenessEntries(payload: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(payload);
  const count = decoding.readVarUint(d);
  if (count > 10_000) throw new MalformedMessage('too many awareness entries');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const json = decoding.readVarString(d);
    const parsed: unknown = JSON.parse(json);
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      throw new MalformedMessage('awareness state must be an object or null');
    }
    entries.push({ clientId, clock, state: parsed as Record<string, unknown> | null });
  }
  ensureConsumed(d);
  return entries;
}

/** Decodes one frame. Throws `MalformedMessage` for anything that is not a valid protocol message. */
export function decodeMessage(data: Uint8Array): IncomingMessage {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    switch (type) {
      case MessageType.Sync: {
        const sub = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        ensureConsumed(d);
        if (sub === syncProtocol.messageYjsSyncStep1) {
          Y.decodeStateVector(payload);
          return { type: 'sync-step-1', stateVector: payload };
        }
        if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate) {
          assertValidUpdate(payload);
          return { type: sub === syncProtocol.messageYjsSyncStep2 ? 'sync-step-2' : 'update', update: payload };
        }
        throw new MalformedMessage(`unknown sync message ${sub}`);
      }
      case MessageType.Awareness: {
        const payload = decoding.readVarUint8Array(d);
        ensureConsumed(d);
        return { type: 'awareness', entries: readAwarenessEntries(payload) };
      }
      case MessageType.QueryAwareness:
        return { type: 'query-awareness' };
      case MessageType.Auth:
        return { type: 'auth' };
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage(error instanceof Error ? error.message : 'undecodable message');
  }
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(e);
}

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

export function syncStep2Message(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  syncProtocol.writeSyncStep2(e, doc, stateVector);
  return encoding.toUint8Array(e);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Awareness);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}
