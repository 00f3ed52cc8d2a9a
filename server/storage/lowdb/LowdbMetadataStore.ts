/**
 * Metadata (organizations, users, sessions, projects, members, invitations, audit) in one lowdb JSON
 * file. Writes are rare (they follow user actions, never keystrokes) and atomic (steno writes a
 * temporary file and renames it). Yjs document data never goes here: see FileDocumentStore.
 */
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { dirname, join } from 'node:path';
import type { Collection, CollectionName, MetadataSchema, MetadataStore, RecordOf, WriteBatch } from '../types.js';

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
  consultationInvitations: [],
  commentThreads: [],
  comments: [],
  commentStats: [],
  documentVersions: [],
};

/** Collections the server derives from documents and comments; they live in `statistics.json`. */
const DERIVED_COLLECTIONS: readonly CollectionName[] = ['documentChecks', 'commentStats', 'consultationStats'];

function isDerived(name: CollectionName): boolean {
  return DERIVED_COLLECTIONS.includes(name);
}

/** One lowdb file with its own chain of writes. */
class MetadataFile {
  private writeChain: Promise<void> = Promise.resolve();

  constructor(readonly db: Low<MetadataSchema>) {}

  /** Serializes writes so that every awaited change is on disk when its promise resolves. */
  persist(): Promise<void> {
    this.writeChain = this.writeChain.then(() => this.db.write());
    return this.writeChain;
  }

  settled(): Promise<void> {
    return this.writeChain;
  }
}

/** Reads a file as it is: collections it does not have stay absent (an absent file reads as `{}`). */
async function openFile(file: string): Promise<Low<MetadataSchema>> {
  const db = new Low<MetadataSchema>(new JSONFile<MetadataSchema>(file), {} as MetadataSchema);
  await db.read();
  return db;
}

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
  private constructor(
    private readonly main: MetadataFile,
    private readonly derived: MetadataFile,
  ) {}

  /**
   * Opens (or creates) the metadata file and, beside it, `statistics.json`. Built explicitly:
   * JSONFilePreset would use memory under NODE_ENV=test. Statistics found in an older metadata file
   * move to the statistics file.
   */
  static async open(file: string): Promise<LowdbMetadataStore> {
    const main = await openFile(file);
    const derived = await openFile(join(dirname(file), 'statistics.json'));
    const stored = main.data as Partial<MetadataSchema>;
    const statistics = derived.data as Partial<MetadataSchema>;
    const mainData: Record<string, unknown> = {};
    const derivedData: Record<string, unknown> = {};
    for (const name of Object.keys(EMPTY) as CollectionName[]) {
      if (isDerived(name)) derivedData[name] = statistics[name] ?? stored[name] ?? [];
      else mainData[name] = stored[name] ?? [];
    }
    // Each file only ever writes its own collections.
    main.data = mainData as unknown as MetadataSchema;
    derived.data = derivedData as unknown as MetadataSchema;
    return new LowdbMetadataStore(new MetadataFile(main), new MetadataFile(derived));
  }

  isEmpty(): boolean {
    return this.main.db.data.organizations.length === 0 && this.main.db.data.users.length === 0;
  }

  collection<K extends CollectionName>(name: K): Collection<RecordOf<K>> {
    type T = RecordOf<K>;
    const file = isDerived(name) ? this.derived : this.main;
    const rows = (): T[] => file.db.data[name] as T[];
    const persist = (): Promise<void> => file.persist();
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

  async batch(build: (batch: WriteBatch) => void): Promise<void> {
    type Change =
      | { name: CollectionName; insert: { id: string }[] }
      | { name: CollectionName; id: string; patch: object };
    const changes: Change[] = [];
    build({
      insert: (name, records) => changes.push({ name, insert: structuredClone(records) }),
      update: (name, id, patch) => changes.push({ name, id, patch: structuredClone(patch) }),
    });
    // Applied to copies of the touched collections first, so a change that cannot apply leaves everything as it was.
    // A batch writes one file: the records of users' actions (statistics are never part of one).
    const file = this.main;
    const next = new Map<CollectionName, { id: string }[]>();
    const rowsOf = (name: CollectionName): { id: string }[] => {
      if (isDerived(name)) throw new Error(`${name} cannot be written in a batch`);
      let rows = next.get(name);
      if (!rows) {
        rows = structuredClone(file.db.data[name]) as { id: string }[];
        next.set(name, rows);
      }
      return rows;
    };
    for (const change of changes) {
      const rows = rowsOf(change.name);
      if ('insert' in change) {
        for (const record of change.insert) {
          if (rows.some((r) => r.id === record.id)) throw new Error(`duplicate id ${record.id} in ${change.name}`);
          rows.push(record);
        }
      } else {
        const row = rows.find((r) => r.id === change.id);
        if (!row) throw new Error(`no ${change.id} in ${change.name} to update`);
        Object.assign(row, change.patch);
      }
    }
    if (next.size === 0) return;
    for (const [name, rows] of next) Object.assign(file.db.data, { [name]: rows });
    await file.persist();
  }

  async close(): Promise<void> {
    await Promise.all([this.main.settled(), this.derived.settled()]);
  }
}
