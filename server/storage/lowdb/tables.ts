/**
 * The metadata in memory: one table (id → record) per collection, created on first use, so a
 * collection added to `MetadataSchema` needs nothing here. Records are never changed in place: an
 * update stores a new object, so a list of the records taken at one moment stays that moment's
 * (the checkpoint writes such a list while changes go on).
 *
 * Every change is an operation that is journaled as it is and can be undone:
 *   { c, put }       insert (or, when replayed, replace) a whole record
 *   { c, id, set }   set fields of a record (nothing when it is gone)
 *   { c, del }       remove a record (nothing when it is gone)
 * Replaying the same operations again gives the same tables, so a journal may be replayed over
 * a checkpoint that already holds some of its changes.
 */

export interface StoredRecord {
  readonly id: string;
}

export type Operation =
  | { c: string; put: StoredRecord }
  | { c: string; id: string; set: Record<string, unknown> }
  | { c: string; del: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isStoredRecord(value: unknown): value is StoredRecord {
  return isObject(value) && typeof value.id === 'string';
}

/** Checks one journaled operation read back from disk. */
export function isOperation(value: unknown): value is Operation {
  if (!isObject(value) || typeof value.c !== 'string') return false;
  if ('put' in value) return isStoredRecord(value.put);
  if ('set' in value) return typeof value.id === 'string' && isObject(value.set);
  if ('del' in value) return typeof value.del === 'string';
  return false;
}

export class Tables {
  private readonly tables = new Map<string, Map<string, StoredRecord>>();

  table(name: string): Map<string, StoredRecord> {
    let table = this.tables.get(name);
    if (!table) {
      table = new Map();
      this.tables.set(name, table);
    }
    return table;
  }

  names(): string[] {
    return [...this.tables.keys()];
  }

  /** Applies one operation; returns how to undo it. `strict`: a put of an existing id or a change of a missing one throws. */
  apply(op: Operation, strict: boolean): () => void {
    const table = this.table(op.c);
    if ('put' in op) {
      const before = table.get(op.put.id);
      if (before && strict) throw new Error(`duplicate id ${op.put.id} in ${op.c}`);
      table.set(op.put.id, op.put);
      return () => (before ? table.set(op.put.id, before) : table.delete(op.put.id));
    }
    if ('set' in op) {
      const before = table.get(op.id);
      if (!before) {
        if (strict) throw new Error(`no ${op.id} in ${op.c} to update`);
        return () => undefined;
      }
      table.set(op.id, { ...before, ...op.set, id: before.id });
      return () => table.set(op.id, before);
    }
    const before = table.get(op.del);
    if (!before) {
      if (strict) throw new Error(`no ${op.del} in ${op.c} to remove`);
      return () => undefined;
    }
    table.delete(op.del);
    return () => table.set(op.del, before);
  }

  /** Applies operations all or none (strict); returns how to undo them all. */
  applyAll(ops: Operation[]): () => void {
    const undos: (() => void)[] = [];
    const undoAll = (): void => {
      for (let i = undos.length - 1; i >= 0; i--) undos[i]!();
    };
    try {
      for (const op of ops) undos.push(this.apply(op, true));
    } catch (error) {
      undoAll();
      throw error;
    }
    return undoAll;
  }
}
