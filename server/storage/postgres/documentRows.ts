/** The rows of the document tables as `pg` returns them (server/storage/postgres/migrations/001_*.sql). */

/** A `document_updates` row: one accepted update of the active log. */
export interface UpdateRow {
  generation: number;
  seq: number;
  user_id: string;
  at: string;
  update: Buffer;
}

/** A `document_history` row: one history window of a compacted generation. */
export interface WindowRow {
  generation: number;
  idx: number;
  count: number;
  user_id: string;
  from_at: string;
  to_at: string;
  update: Buffer;
}

/** A `bytea` column's bytes, without copying. */
export const bytes = (buffer: Buffer): Uint8Array =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
