/**
 * Backup and restore of a data dir (`npm run backup -- <file>`, `npm run restore -- <file>`; see
 * docs/architecture.md, "Backup"). The archive is a .tar.gz: every file of the data dir under
 * `data/`, then `backup.json` — when it was taken, how, and each file's length and SHA-256, which the
 * restore checks before anything is put in place.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { access, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, posix } from 'node:path';
import { fsyncDir } from '../../server/storage/files/atomicWrite.js';
import { ControlClient } from './controlClient.js';
import { removeSnapshot, takeSnapshot } from './dataDirSnapshot.js';
import { TarWriter, readTar } from './tarArchive.js';

export const MANIFEST = 'backup.json';
const DATA_PREFIX = 'data/';
const MANIFEST_MAX_BYTES = 64 * 1024 * 1024;

export interface BackupManifest {
  format: 'zhejiang-made-backup';
  version: 1;
  createdAt: string;
  /** How the files were taken at one moment: the running server held its writes, or no server was running. */
  taken: 'server-paused' | 'no-server-running';
  files: { path: string; size: number; sha256: string }[];
}

export interface BackupSummary {
  file: string;
  files: number;
  bytes: number;
  taken: BackupManifest['taken'];
  /** How long the server held its writes, ms (0 without a server). */
  pauseMs: number;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The first `size` bytes of a file, hashed as they go by. */
async function* readPrefix(
  path: string,
  size: number,
  hash: ReturnType<typeof createHash>,
): AsyncGenerator<Uint8Array> {
  if (size === 0) return;
  for await (const chunk of createReadStream(path, { start: 0, end: size - 1 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    yield chunk;
  }
}

export async function createBackup(dataDir: string, file: string): Promise<BackupSummary> {
  const info = await stat(dataDir).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`the data dir ${dataDir} does not exist`);
  if (await exists(file)) throw new Error(`${file} already exists; choose a new file name`);
  const server = await ControlClient.connect(dataDir);
  const pauseStarted = Date.now();
  let pauseMs = 0;
  let snapshot: Awaited<ReturnType<typeof takeSnapshot>> | null = null;
  const partial = `${file}.partial`;
  try {
    try {
      await server?.pause();
      snapshot = await takeSnapshot(dataDir);
    } finally {
      if (server) {
        pauseMs = Date.now() - pauseStarted;
        await server.resume();
        server.close();
      }
    }
    const manifest: BackupManifest = {
      format: 'zhejiang-made-backup',
      version: 1,
      createdAt: new Date(pauseStarted).toISOString(),
      taken: server ? 'server-paused' : 'no-server-running',
      files: [],
    };
    const tar = new TarWriter(partial);
    let bytes = 0;
    for (const entry of snapshot.files) {
      const hash = createHash('sha256');
      const source = join(snapshot.staging, entry.path);
      await tar.addFile(`${DATA_PREFIX}${entry.path}`, entry.size, entry.mtime, readPrefix(source, entry.size, hash));
      manifest.files.push({ path: entry.path, size: entry.size, sha256: hash.digest('hex') });
      bytes += entry.size;
    }
    await tar.addBuffer(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2)));
    await tar.finish();
    const handle = await open(partial, 'r+');
    await handle.sync();
    await handle.close();
    await rename(partial, file);
    await fsyncDir(dirname(file));
    return { file, files: manifest.files.length, bytes, taken: manifest.taken, pauseMs };
  } catch (error) {
    await unlink(partial).catch(() => undefined);
    throw error;
  } finally {
    if (snapshot) await removeSnapshot(snapshot);
  }
}

function isManifest(value: unknown): value is BackupManifest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<BackupManifest>;
  return (
    m.format === 'zhejiang-made-backup' &&
    m.version === 1 &&
    typeof m.createdAt === 'string' &&
    Array.isArray(m.files) &&
    m.files.every((f) => typeof f.path === 'string' && typeof f.size === 'number' && typeof f.sha256 === 'string')
  );
}

/** A path of the archive that stays inside the data dir (no `..`, not absolute, not a hidden name). */
function safePath(path: string): boolean {
  return (
    path.length > 0 &&
    posix.normalize(path) === path &&
    !path.startsWith('/') &&
    path.split('/').every((part) => part.length > 0 && part !== '..' && !part.startsWith('.'))
  );
}

export interface RestoreSummary {
  dataDir: string;
  files: number;
  bytes: number;
  createdAt: string;
}

/** Refuses a data dir that exists and holds anything, with the reason. */
async function assertEmpty(dataDir: string): Promise<void> {
  const info = await stat(dataDir).catch(() => null);
  if (!info) return;
  if (!info.isDirectory()) throw new Error(`${dataDir} exists and is not a directory`);
  const entries = await readdir(dataDir);
  if (entries.length > 0)
    throw new Error(
      `refusing to restore into ${dataDir}: it is not empty (${entries.slice(0, 5).join(', ')}${entries.length > 5 ? ', …' : ''}). ` +
        'Restore into an empty or new directory (DATA_DIR=/path/to/new-dir npm run restore -- <file>).',
    );
}

export async function restoreBackup(file: string, dataDir: string): Promise<RestoreSummary> {
  if (!(await exists(file))) throw new Error(`${file} does not exist`);
  await assertEmpty(dataDir);
  const staging = join(dirname(dataDir), `.${basename(dataDir)}.restore-${process.pid}`);
  await mkdir(staging, { recursive: true });
  const restored = new Map<string, { size: number; sha256: string }>();
  const manifestChunks: Buffer[] = [];
  let manifestSeen = false;
  /** The entry being extracted (fd null: the manifest, kept in memory). */
  const entry: {
    current: { path: string; fd: number | null; size: number; hash: ReturnType<typeof createHash> } | null;
  } = {
    current: null,
  };
  try {
    await readTar(file, {
      begin: (path, size) => {
        if (path === MANIFEST) {
          if (size > MANIFEST_MAX_BYTES) throw new Error('the archive’s manifest is too large');
          manifestSeen = true;
          entry.current = { path, fd: null, size, hash: createHash('sha256') };
          return;
        }
        const inner = path.startsWith(DATA_PREFIX) ? path.slice(DATA_PREFIX.length) : '';
        if (!safePath(inner)) throw new Error(`the archive holds an unexpected entry: ${path}`);
        if (restored.has(inner)) throw new Error(`the archive holds ${path} twice`);
        const target = join(staging, inner);
        mkdirSync(dirname(target), { recursive: true });
        entry.current = { path: inner, fd: openSync(target, 'wx'), size, hash: createHash('sha256') };
      },
      data: (chunk) => {
        const current = entry.current;
        if (!current) return;
        current.hash.update(chunk);
        if (current.fd === null) manifestChunks.push(Buffer.from(chunk));
        else writeSync(current.fd, chunk);
      },
      end: () => {
        const current = entry.current;
        if (!current) return;
        if (current.fd !== null) {
          fsyncSync(current.fd);
          closeSync(current.fd);
          restored.set(current.path, { size: current.size, sha256: current.hash.digest('hex') });
        }
        entry.current = null;
      },
    });
    if (!manifestSeen) throw new Error(`${file} is not a backup of this application (no ${MANIFEST})`);
    const parsed: unknown = JSON.parse(Buffer.concat(manifestChunks).toString('utf8'));
    if (!isManifest(parsed)) throw new Error(`${file}: ${MANIFEST} is not a backup manifest of this application`);
    if (parsed.files.length !== restored.size) throw new Error('the archive’s files do not match its manifest (count)');
    let bytes = 0;
    for (const expected of parsed.files) {
      const got = restored.get(expected.path);
      if (!got) throw new Error(`the archive lacks ${expected.path}`);
      if (got.size !== expected.size || got.sha256 !== expected.sha256)
        throw new Error(`${expected.path} in the archive is damaged (its checksum does not match)`);
      bytes += got.size;
    }
    // Everything is checked: put it in place.
    await assertEmpty(dataDir);
    await mkdir(dataDir, { recursive: true });
    for (const name of await readdir(staging)) await rename(join(staging, name), join(dataDir, name));
    await syncDirs(dataDir);
    await fsyncDir(dirname(dataDir));
    return { dataDir, files: restored.size, bytes, createdAt: parsed.createdAt };
  } finally {
    const fd = entry.current?.fd;
    if (fd !== undefined && fd !== null) closeSync(fd);
    await rm(staging, { recursive: true, force: true });
  }
}

/** Fsyncs a directory tree's directories (their entries), deepest last. */
async function syncDirs(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true }))
    if (entry.isDirectory()) await syncDirs(join(dir, entry.name));
  await fsyncDir(dir);
}
