/** Frozen document versions in the `snapshots` table: inserted once, never overwritten. */
import type { Pool } from 'pg';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import type { DraftingCredits } from '@shared/domain/draftingCredits.js';
import type { SnapshotStore, StoredSnapshot } from '../types.js';

interface SnapshotRow {
  id: string;
  project_id: string;
  document_id: string;
  created_at: string;
  created_by: string;
  state: Buffer;
  json: ProseMirrorJSON;
  drafting_credits: DraftingCredits | null;
}

export class PostgresSnapshotStore implements SnapshotStore {
  constructor(private readonly pool: Pool) {}

  async save(snapshot: StoredSnapshot): Promise<void> {
    const result = await this.pool.query(
      `INSERT INTO snapshots (id, project_id, document_id, created_at, created_by, state, json, drafting_credits)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
      [
        snapshot.id,
        snapshot.projectId,
        snapshot.documentId,
        snapshot.createdAt,
        snapshot.createdBy,
        Buffer.from(snapshot.state),
        JSON.stringify(snapshot.json),
        snapshot.draftingCredits === undefined ? null : JSON.stringify(snapshot.draftingCredits),
      ],
    );
    if (result.rowCount === 0) throw new Error(`snapshot ${snapshot.id} already exists; snapshots are immutable`);
  }

  async load(id: string): Promise<StoredSnapshot | null> {
    const result = await this.pool.query<SnapshotRow>('SELECT * FROM snapshots WHERE id = $1', [id]);
    const row = result.rows[0];
    if (!row) return null;
    return {
      id: row.id,
      projectId: row.project_id,
      documentId: row.document_id,
      createdAt: row.created_at,
      createdBy: row.created_by,
      state: new Uint8Array(row.state),
      json: row.json,
      ...(row.drafting_credits ? { draftingCredits: row.drafting_credits } : {}),
    };
  }
}
