/**
 * Stable ids of the nodes built here (docs/document-model.md). Nodes that are cross-referenced get
 * an explicit id (`idsFor(scope, keys)` / `stableId(seed)`); the others get one from
 * `structuredDoc(scope, …)`. Both are deterministic, so the same template always yields the same ids
 * and content can point at them across documents.
 *
 * The builders run in Node (server templates, the demo seed, tests, benchmarks): `stableId` hashes
 * with `node:crypto`, and the browser never imports them.
 */
import { createHash } from 'node:crypto';
import { ID_PATTERN } from '../structure/ids.js';

/** A deterministic id for a seed: 12 characters of base64url(SHA-256(seed)). */
export function stableId(seed: string): string {
  return createHash('sha256').update(seed, 'utf8').digest('base64url').slice(0, 12);
}

/**
 * Explicit ids for the nodes of one document that are cross-referenced, by key:
 * `idsFor('vacuum-cup/standard', ['scope', 'tech'])` → `{ scope: '…', tech: '…' }`.
 */
export function idsFor<K extends string>(scope: string, keys: readonly K[]): Record<K, string> {
  const ids = {} as Record<K, string>;
  for (const key of keys) ids[key] = stableId(`${scope}#${key}`);
  return ids;
}

/** `id` itself; throws when it is not a well-formed stable id. */
export function checkedId(id: string): string {
  if (!ID_PATTERN.test(id)) throw new Error(`not a stable id: ${id}`);
  return id;
}

/** The `id` attribute of a built node: the explicit id (checked), or `''` for `structuredDoc` to fill. */
export function idAttr(explicit: string | undefined): string {
  return explicit === undefined ? '' : checkedId(explicit);
}
