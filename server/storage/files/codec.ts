/** Binary payloads of the document files (lib0 encoding). */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { HistoryEntry, StoredUpdate } from '../types.js';

export function encodeStoredUpdate(u: StoredUpdate): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, u.userId);
  encoding.writeFloat64(e, u.at);
  encoding.writeVarUint8Array(e, u.update);
  return encoding.toUint8Array(e);
}

export function decodeStoredUpdate(payload: Uint8Array): StoredUpdate {
  const d = decoding.createDecoder(payload);
  const userId = decoding.readVarString(d);
  const at = decoding.readFloat64(d);
  const update = decoding.readVarUint8Array(d);
  return { userId, at, update };
}

export function encodeHistoryEntry(h: HistoryEntry): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, h.userId);
  encoding.writeFloat64(e, h.from);
  encoding.writeFloat64(e, h.to);
  encoding.writeVarUint(e, h.count);
  encoding.writeVarUint8Array(e, h.update);
  return encoding.toUint8Array(e);
}

export function decodeHistoryEntry(payload: Uint8Array): HistoryEntry {
  const d = decoding.createDecoder(payload);
  const userId = decoding.readVarString(d);
  const from = decoding.readFloat64(d);
  const to = decoding.readFloat64(d);
  const count = decoding.readVarUint(d);
  const update = decoding.readVarUint8Array(d);
  return { userId, from, to, count, update };
}

/** State snapshot: the generation it covers and the merged document state. */
export function encodeSnapshot(generation: number, state: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, generation);
  encoding.writeVarUint8Array(e, state);
  return encoding.toUint8Array(e);
}

export function decodeSnapshot(payload: Uint8Array): { generation: number; state: Uint8Array } {
  const d = decoding.createDecoder(payload);
  const generation = decoding.readVarUint(d);
  const state = decoding.readVarUint8Array(d);
  return { generation, state };
}
