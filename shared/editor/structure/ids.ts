/**
 * Stable ids of structural nodes (chapter, clause, annex, termEntry, referenceEntry, tableBlock,
 * figureBlock) and table cells: `[A-Za-z0-9_-]{8,}`. Cross-references, comments and consultation items point at them.
 */
import type { ProseMirrorJSON } from '../json.js';
import { ID_NODE_TYPES } from './names.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const ID_LENGTH = 10;
export const ID_PATTERN = /^[A-Za-z0-9_-]{8,}$/;

/** True for node types that carry a stable id (structural nodes and table cells). */
export function isStructuralType(typeName: string): boolean {
  return ID_NODE_TYPES.includes(typeName);
}

/** A usable id attribute value (a non-empty string), else null. */
export function idValue(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** A new random id. */
export function generateId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(ID_LENGTH));
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 63];
  return id;
}

/** cyrb53: a fast, well-mixed 53-bit string hash. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * An id derived from `seed`: every client that derives one from the same seed gets the same id, so
 * concurrent repairs of the same remote change write identical values (no conflict, no ping-pong).
 */
export function deterministicId(seed: string): string {
  let id = '';
  for (const part of [hash53(seed, 1), hash53(seed, 2)]) {
    let n = part;
    for (let i = 0; i < 6; i++) {
      id += ALPHABET[n % 64];
      n = Math.floor(n / 64);
    }
  }
  return id;
}

/** Picks a fresh id that is not in `taken` (and records it there). */
export function freshId(taken: Set<string>, seed: string | null): string {
  let attempt = 0;
  let id = seed === null ? generateId() : deterministicId(seed);
  while (taken.has(id)) {
    attempt += 1;
    id = seed === null ? generateId() : deterministicId(`${seed}#${attempt}`);
  }
  taken.add(id);
  return id;
}

/**
 * Returns a copy of a document in which every structural node has an id and no two share one (the
 * later node gets a new id). For content written by the server (templates, seeds, imports).
 */
export function ensureStructureIds(doc: ProseMirrorJSON): ProseMirrorJSON {
  const taken = new Set<string>();
  const collect = (node: ProseMirrorJSON): void => {
    const id = idValue(node.attrs?.id);
    if (id !== null && isStructuralType(node.type)) taken.add(id);
    node.content?.forEach(collect);
  };
  collect(doc);
  const seen = new Set<string>();
  const fix = (node: ProseMirrorJSON): ProseMirrorJSON => {
    const copy: ProseMirrorJSON = { ...node };
    if (isStructuralType(node.type)) {
      let id = idValue(node.attrs?.id);
      if (id === null || seen.has(id)) id = freshId(taken, null);
      seen.add(id);
      copy.attrs = { ...node.attrs, id };
    }
    if (node.content) copy.content = node.content.map(fix);
    return copy;
  };
  return fix(doc);
}
