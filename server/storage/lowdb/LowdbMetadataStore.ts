/**
 * Metadata (organizations, users, sessions, projects, members, invitations, audit) in one lowdb JSON
 * file. Writes are rare (they follow user actions, never keystrokes) and atomic (steno writes a
 * temporary file and renames it). Yjs document data never goes here: see FileDocumentStore.
 */
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Collection, CollectionName, MetadataSchema, MetadataStore, RecordOf } from '../types.js';

const EMPTY: MetadataSchema = {
  organizations: [],
  users: [],
  sessions: [],
  projects: [],
  members: [],
  invitations: [],
  audit: [],
  documentChecks: [],
  consultationRounds: [],
  consultationItems: [],
  consultationStats: [],
  commentThreads: [],
  comments: [],
  commentStats: [],
};

function matches<T extends object>(record: T, where: Partial<T>): boolean {
  for (const key of Object.keys(where) as (keyof T)[]) {
    if (record[key] !== where[key]) return false;
  }
  return true;
}

/** Records leave the store as copies, as rows from a database would: callers cannot alias stored state. */
function copy<T>(record: T | undefined): T | undefined {
  return record === undefined ? undefined : structuredClone(record);
}

export class LowdbMetadataStore implements MetadataStore {
  private writeChain: Promise<void> = Promise.resolve();

  private constructor(private readonly db: Low<MetadataSchema>) {}

  /** Opens (or creates) the metadata file. Built explicitly: JSONFilePreset would use memory under NODE_ENV=test. */
  static async open(file: string): Promise<LowdbMetadataStore> {
    const db = new Low<MetadataSchema>(new JSONFile<MetadataSchema>(file), structuredClone(EMPTY));
    await db.read();
    db.data = { ...structuredClone(EMPTY), ...db.data };
    return new LowdbMetadataStore(db);
  }

  isEmpty(): boolean {
    return this.db.data.organizations.length === 0 && this.db.data.users.length === 0;
  }

  collection<K extends CollectionName>(name: K): Collection<RecordOf<K>> {
    type T = RecordOf<K>;
    const rows = (): T[] => this.db.data[name] as T[];
    const persist = (): Promise<void> => this.persist();
    return {
      get: (id) => copy(rows().find((r) => r.id === id)),
      findOne: (where) => copy(rows().find((r) => matches(r, where))),
      findMany: (where) => (where ? rows().filter((r) => matches(r, where)) : rows()).map((r) => structuredClone(r)),
      insert: async (record) => {
        if (rows().some((r) => r.id === record.id)) throw new Error(`duplicate id ${record.id} in ${name}`);
        rows().push(structuredClone(record));
        await persist();
        return structuredClone(record);
      },
      update: async (id, patch) => {
        const row = rows().find((r) => r.id === id);
        if (!row) return undefined;
        Object.assign(row, structuredClone(patch));
        await persist();
        return structuredClone(row);
      },
      remove: async (id) => {
        const list = rows();
        const index = list.findIndex((r) => r.id === id);
        if (index < 0) return false;
        list.splice(index, 1);
        await persist();
        return true;
      },
      removeWhere: async (where) => {
        const list = rows();
        const keep = list.filter((r) => !matches(r, where));
        const removed = list.length - keep.length;
        if (removed > 0) {
          list.splice(0, list.length, ...keep);
          await persist();
        }
        return removed;
      },
    };
  }

  /** Serializes writes so that every awaited change is on disk when its promise resolves. */
  private persist(): Promise<void> {
    this.writeChain = this.writeChain.then(() => this.db.write());
    return this.writeChain;
  }

  async close(): Promise<void> {
    await this.writeChain;
  }
}
