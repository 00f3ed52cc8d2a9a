/**
 * The `Collection` and `batch` API over in-memory `Tables`, shared by the stores that keep the
 * metadata in memory and differ only in how a change is made durable (the lowdb journal, a
 * PostgreSQL transaction): reads answer from memory, every write becomes operations handed to the
 * store's `change`, which applies them and resolves once they are durable.
 */
import type { Collection, CollectionName, RecordOf, WriteBatch } from '../types.js';
import type { Operation, Tables } from './tables.js';

export type ApplyChange = (ops: Operation[]) => Promise<void>;

function matches(record: object, where: object): boolean {
  for (const [key, value] of Object.entries(where)) {
    if ((record as Record<string, unknown>)[key] !== value) return false;
  }
  return true;
}

/** Records leave the store as copies, as rows from a database would: callers cannot alias stored state. */
function copy<T>(record: T | undefined): T | undefined {
  return record === undefined ? undefined : structuredClone(record);
}

/** A patch as stored: a copy, and never a change of the id. */
function patchOf(patch: object): Record<string, unknown> {
  const { id: _id, ...fields } = structuredClone(patch) as Record<string, unknown>;
  return fields;
}

export function tableCollection<K extends CollectionName>(
  tables: Tables,
  name: K,
  change: ApplyChange,
): Collection<RecordOf<K>> {
  type T = RecordOf<K>;
  const table = (): Map<string, T> => tables.table(name) as Map<string, T>;
  return {
    get: (id) => copy(table().get(id)),
    findOne: (where) => {
      for (const record of table().values()) if (matches(record, where)) return copy(record);
      return undefined;
    },
    findMany: (where) => {
      const out: T[] = [];
      for (const record of table().values()) if (!where || matches(record, where)) out.push(structuredClone(record));
      return out;
    },
    insert: async (record) => {
      const stored = structuredClone(record);
      await change([{ c: name, put: stored }]);
      return structuredClone(stored);
    },
    update: async (id, patch) => {
      if (!table().has(id)) return undefined;
      const done = change([{ c: name, id, set: patchOf(patch) }]);
      const updated = table().get(id);
      await done;
      return copy(updated);
    },
    remove: async (id) => {
      if (!table().has(id)) return false;
      await change([{ c: name, del: id }]);
      return true;
    },
    removeWhere: async (where) => {
      const ids: string[] = [];
      for (const record of table().values()) if (matches(record, where)) ids.push(record.id);
      await change(ids.map((id) => ({ c: name, del: id })));
      return ids.length;
    },
  };
}

/** The operations a `MetadataStore.batch` builder collects, to be applied as one change. */
export function batchOperations(build: (batch: WriteBatch) => void): Operation[] {
  const ops: Operation[] = [];
  build({
    insert: (name, records) => {
      for (const record of records) ops.push({ c: name, put: structuredClone(record) });
    },
    update: (name, id, patch) => ops.push({ c: name, id, set: patchOf(patch) }),
  });
  return ops;
}
