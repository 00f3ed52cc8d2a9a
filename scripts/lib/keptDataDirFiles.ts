/**
 * What a PostgreSQL instance still keeps in DATA_DIR (docs/architecture.md, "Still in DATA_DIR on
 * PostgreSQL") and a data migration copies when the instances get another DATA_DIR than the
 * embedded workspace had: the history index (`history/`: the migration keeps every history position,
 * so it stays valid; without it each server rebuilds it). Submission packages go to PostgreSQL with
 * the blobs; exports' caches are rebuilt on demand; the control socket is per server.
 */
import { cp, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MigrationRefused } from './migrationRefused.js';

export const KEPT_IN_DATA_DIR = ['history'] as const;

async function entries(dir: string): Promise<string[] | null> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Refuses a target DATA_DIR that already holds any of them (checked before anything is written). */
export async function checkKeptFilesTarget(from: string, to: string): Promise<void> {
  if (resolve(from) === resolve(to)) return;
  for (const name of KEPT_IN_DATA_DIR) {
    const held = await entries(join(to, name));
    if (held && held.length > 0)
      throw new MigrationRefused(
        `${join(to, name)} is not empty: the target DATA_DIR must hold none of ${KEPT_IN_DATA_DIR.join(', ')}`,
      );
  }
}

/** Copies them from the workspace to the instances' DATA_DIR (nothing when it is the same dir); returns what it copied. */
export async function copyKeptFiles(from: string, to: string): Promise<{ folder: string; files: number }[]> {
  if (resolve(from) === resolve(to)) return [];
  const copied: { folder: string; files: number }[] = [];
  for (const name of KEPT_IN_DATA_DIR) {
    const files = await entries(join(from, name));
    if (!files) continue;
    await cp(join(from, name), join(to, name), { recursive: true, errorOnExist: true, force: false });
    copied.push({ folder: name, files: files.length });
  }
  return copied;
}
