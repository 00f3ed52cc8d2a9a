/**
 * The embedded metadata store against real files: every change durable when it resolves (journal),
 * checkpoints, append-only logs, torn ends cut off, a failing disk, files of earlier versions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFile, cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Organization } from '@shared/domain/organization.js';
import type { AuditEntry } from '@shared/domain/project.js';
import { LowdbMetadataStore } from '../../server/storage/lowdb/LowdbMetadataStore.js';
import { StorageUnavailable } from '../../server/storage/errors.js';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zm-meta-'));
  file = join(dir, 'metadata.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const org = (id: string, name = id): Organization => ({
  id,
  name,
  creditCode: id,
  kind: 'enterprise',
  createdAt: 'now',
});
const audit = (id: string): AuditEntry => ({ id, projectId: 'p1', actorId: 'u1', action: 'x', at: 'now', detail: {} });

/** Opens a copy of the files as they are now, as a restart after a crash (kill -9, power loss) would find them. */
async function afterCrash(): Promise<LowdbMetadataStore> {
  const copy = await mkdtemp(join(tmpdir(), 'zm-meta-crash-'));
  await cp(dir, copy, { recursive: true });
  dirsToRemove.push(copy);
  return LowdbMetadataStore.open(join(copy, 'metadata.json'));
}
const dirsToRemove: string[] = [];
afterEach(async () => {
  for (const d of dirsToRemove.splice(0)) await rm(d, { recursive: true, force: true });
});

async function journalFiles(): Promise<string[]> {
  return (await readdir(join(dir, 'metadata'))).filter((n) => n.startsWith('journal-'));
}

describe('LowdbMetadataStore', () => {
  it('writes real files even under NODE_ENV=test, and reads them back', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    const store = await LowdbMetadataStore.open(file);
    await store.collection('organizations').insert(org('o1', '测试单位'));
    await store.close();
    const reopened = await LowdbMetadataStore.open(file);
    expect(reopened.collection('organizations').get('o1')?.name).toBe('测试单位');
    expect((await stat(file)).size).toBeGreaterThan(10);
  });

  it('has every change on disk when its promise resolves, without rewriting metadata.json', async () => {
    const store = await LowdbMetadataStore.open(file);
    await store.collection('organizations').insert(org('o1'));
    await store.close();
    const before = await readFile(file, 'utf8');
    await store.collection('organizations').insert(org('o2'));
    await store.collection('organizations').update('o1', { name: '改名' });
    await store.collection('organizations').remove('o2');
    await store.collection('audit').insert(audit('a1'));
    expect(await readFile(file, 'utf8')).toBe(before);
    // No close: what a crash right now would leave.
    const crashed = await afterCrash();
    expect(crashed.collection('organizations').findMany()).toEqual([org('o1', '改名')]);
    expect(crashed.collection('audit').get('a1')).toEqual(audit('a1'));
  });

  it('changes made at the same time share one write and all resolve', async () => {
    const store = await LowdbMetadataStore.open(file);
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.collection('organizations').insert(org(`o${i}`))));
    const lines = (await readFile(join(dir, 'metadata', (await journalFiles())[0]!), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    expect((await afterCrash()).collection('organizations').findMany()).toHaveLength(50);
  });

  it('folds the journal into a checkpoint and keeps append-only records in their own log', async () => {
    const store = await LowdbMetadataStore.open(file, { checkpoint: { minBytes: 2000, ratio: 0 } });
    for (let i = 0; i < 40; i++) {
      await store.collection('organizations').insert(org(`o${i}`));
      await store.collection('audit').insert(audit(`a${i}`));
    }
    await store.collection('organizations').update('o3', { name: '第三' });
    await store.close();
    const checkpoint = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(checkpoint.$store).toMatchObject({ format: 2 });
    expect(checkpoint.organizations).toHaveLength(40);
    expect(checkpoint.audit).toBeUndefined();
    const auditLines = (await readFile(join(dir, 'metadata', 'audit.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(auditLines.map((l) => (JSON.parse(l) as AuditEntry).id)).toEqual(
      Array.from({ length: 40 }, (_, i) => `a${i}`),
    );
    expect(await journalFiles()).toEqual([]);
    const reopened = await LowdbMetadataStore.open(file);
    expect(reopened.collection('organizations').get('o3')?.name).toBe('第三');
    expect(reopened.collection('audit').findMany()).toHaveLength(40);
  });

  it('refuses to change or remove records of an append-only collection', async () => {
    const store = await LowdbMetadataStore.open(file);
    await store.collection('audit').insert(audit('a1'));
    await expect(store.collection('audit').update('a1', { action: 'y' })).rejects.toThrow(/append-only/);
    await expect(store.collection('audit').remove('a1')).rejects.toThrow(/append-only/);
    expect(store.collection('audit').get('a1')?.action).toBe('x');
  });

  it('cuts off a torn last line of the journal and of an append-only log, and keeps the rest', async () => {
    const store = await LowdbMetadataStore.open(file);
    await store.collection('organizations').insert(org('o1'));
    await store.collection('audit').insert(audit('a1'));
    await store.close();
    await store.collection('organizations').insert(org('o2'));
    const journal = join(dir, 'metadata', (await journalFiles())[0]!);
    await appendFile(journal, '{"ops":[{"c":"organizations","put":{"id":"o3","na');
    await appendFile(join(dir, 'metadata', 'audit.jsonl'), '{"id":"a2","proj');
    const reopened = await LowdbMetadataStore.open(file);
    expect(
      reopened
        .collection('organizations')
        .findMany()
        .map((o) => o.id),
    ).toEqual(['o1', 'o2']);
    expect(
      reopened
        .collection('audit')
        .findMany()
        .map((a) => a.id),
    ).toEqual(['a1']);
    expect((await readFile(journal, 'utf8')).endsWith('\n')).toBe(true);
    expect((await readFile(join(dir, 'metadata', 'audit.jsonl'), 'utf8')).endsWith('\n')).toBe(true);
    // Writing goes on after the cut.
    await reopened.collection('organizations').insert(org('o4'));
    expect(
      (await afterCrash())
        .collection('organizations')
        .findMany()
        .map((o) => o.id),
    ).toEqual(['o1', 'o2', 'o4']);
  });

  it('keeps a copy of what it cut off when intact lines followed the damage', async () => {
    const store = await LowdbMetadataStore.open(file);
    await store.collection('organizations').insert(org('o1'));
    const journal = join(dir, 'metadata', (await journalFiles())[0]!);
    await appendFile(journal, 'garbage\n{"ops":[{"c":"organizations","put":{"id":"o9"}}]}\n');
    const reopened = await afterCrash();
    expect(
      reopened
        .collection('organizations')
        .findMany()
        .map((o) => o.id),
    ).toEqual(['o1']);
    const copies = dirsToRemove[0]!;
    const kept = (await readdir(join(copies, 'metadata'))).filter((n) => n.includes('.damaged-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(copies, 'metadata', kept[0]!), 'utf8')).toContain('"o9"');
  });

  it('a crash between moving append-only records and replacing the checkpoint neither loses nor doubles them', async () => {
    const store = await LowdbMetadataStore.open(file);
    await store.collection('audit').insert(audit('a1'));
    await store.collection('organizations').insert(org('o1'));
    // As if the checkpoint had appended a1 to its log and then crashed before replacing metadata.json.
    await writeFile(join(dir, 'metadata', 'audit.jsonl'), `${JSON.stringify(audit('a1'))}\n`);
    const reopened = await afterCrash();
    expect(reopened.collection('audit').findMany()).toEqual([audit('a1')]);
    await reopened.close();
    const copy = dirsToRemove[0]!;
    const lines = (await readFile(join(copy, 'metadata', 'audit.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
  });

  it('a failing disk rejects the change with StorageUnavailable and leaves nothing of it; it works again once the disk is back', async () => {
    let failing = false;
    const guard = (): void => {
      if (failing) throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    };
    const store = await LowdbMetadataStore.open(file, { guard });
    await store.collection('organizations').insert(org('o1'));
    failing = true;
    const orgs = store.collection('organizations');
    const results = await Promise.allSettled([
      orgs.insert(org('o2')),
      orgs.update('o1', { name: '不该留下' }),
      store.batch((b) => b.insert('audit', [audit('a1')])),
    ]);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      if (r.status === 'rejected') {
        expect(r.reason).toBeInstanceOf(StorageUnavailable);
        expect(String(r.reason)).toMatch(/cannot store data right now.*EROFS/);
      }
    }
    expect(orgs.findMany()).toEqual([org('o1')]);
    expect(store.collection('audit').findMany()).toEqual([]);
    failing = false;
    await orgs.insert(org('o3'));
    const crashed = await afterCrash();
    expect(
      crashed
        .collection('organizations')
        .findMany()
        .map((o) => o.id),
    ).toEqual(['o1', 'o3']);
    expect(crashed.collection('organizations').get('o1')?.name).toBe('o1');
  });

  it('takes over a metadata file of an earlier version and the statistics file beside it', async () => {
    const old = {
      organizations: [org('o1')],
      users: [],
      audit: [audit('a1'), audit('a2')],
      documentChecks: [{ id: 'd1', projectId: 'p1', errors: 5, warnings: 0, checkedAt: 'old' }],
    };
    await writeFile(file, JSON.stringify(old, null, 2));
    const statistics = { documentChecks: [{ id: 'd1', projectId: 'p1', errors: 2, warnings: 1, checkedAt: 'newer' }] };
    await writeFile(join(dir, 'statistics.json'), JSON.stringify(statistics));
    const store = await LowdbMetadataStore.open(file);
    expect(store.collection('documentChecks').get('d1')?.errors).toBe(2);
    expect(
      store
        .collection('audit')
        .findMany()
        .map((a) => a.id),
    ).toEqual(['a1', 'a2']);
    expect(await readdir(dir)).not.toContain('statistics.json');
    const checkpoint = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(checkpoint.audit).toBeUndefined();
    expect(checkpoint.documentChecks).toHaveLength(1);
    const reopened = await LowdbMetadataStore.open(file);
    expect(reopened.collection('audit').findMany()).toHaveLength(2);
    expect(reopened.collection('organizations').get('o1')).toEqual(org('o1'));
  });
});
