/**
 * The files of a data dir at one moment, taken while the server holds its writes: every regular file
 * is hard-linked into a staging directory inside the data dir (a link costs no copying, so the pause
 * is short) and its length noted. Afterwards the server goes on, and the archive reads each file up
 * to that length: the embedded stores only ever append to a file or replace it by renaming a new one
 * over it, so the first bytes of a linked file never change. Where links are not possible the file
 * is copied instead (still during the pause).
 */
import { copyFile, link, lstat, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

export interface SnapshotFile {
  /** Path inside the data dir, with '/' separators. */
  path: string;
  size: number;
  mtime: Date;
}

export interface DataDirSnapshot {
  staging: string;
  files: SnapshotFile[];
  /** Files that had to be copied because the file system refused a hard link. */
  copied: number;
}

/** Names never part of a backup: temporary files of atomic writes, staging dirs, the control socket. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'control.sock';
}

async function listFiles(root: string, dir: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (skipped(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await listFiles(root, path, out);
    else if (entry.isFile()) out.push(relative(root, path));
  }
}

export async function takeSnapshot(dataDir: string): Promise<DataDirSnapshot> {
  const staging = join(dataDir, `.backup-${process.pid}-${Date.now()}`);
  await mkdir(staging);
  const paths: string[] = [];
  await listFiles(dataDir, dataDir, paths);
  const files: SnapshotFile[] = [];
  let copied = 0;
  for (const path of paths) {
    const target = join(staging, path);
    await mkdir(dirname(target), { recursive: true });
    try {
      await link(join(dataDir, path), target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue; // removed since it was listed (a log merged into its segment)
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
      await copyFile(join(dataDir, path), target);
      copied++;
    }
    const info = await lstat(target);
    files.push({ path: path.split(sep).join('/'), size: info.size, mtime: info.mtime });
  }
  return { staging, files, copied };
}

export async function removeSnapshot(snapshot: DataDirSnapshot): Promise<void> {
  await rm(snapshot.staging, { recursive: true, force: true });
}
