/** Blobs in the `blobs` table (key, bytea): every instance reads what any instance stored. */
import type { Pool } from 'pg';
import { StorageUnavailable } from '../errors.js';
import { blobPath } from '../files/blobKeys.js';
import type { BlobStore } from '../types.js';

export class PostgresBlobStore implements BlobStore {
  constructor(private readonly pool: Pool) {}

  async put(key: string, data: Uint8Array): Promise<void> {
    blobPath(key);
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await this.query(
      `INSERT INTO blobs (key, data) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET data = excluded.data, stored_at = now()`,
      [key, bytes],
    );
  }

  async get(key: string): Promise<Uint8Array | null> {
    blobPath(key);
    const result = await this.query<{ data: Buffer }>('SELECT data FROM blobs WHERE key = $1', [key]);
    const row = result.rows[0];
    return row ? new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength) : null;
  }

  async delete(key: string): Promise<void> {
    blobPath(key);
    await this.query('DELETE FROM blobs WHERE key = $1', [key]);
  }

  private async query<R extends object = object>(text: string, values: unknown[]) {
    try {
      return await this.pool.query<R>(text, values);
    } catch (error) {
      throw new StorageUnavailable(error);
    }
  }
}
