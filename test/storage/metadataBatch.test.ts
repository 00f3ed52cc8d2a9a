/** The metadata store's batch: several collections changed in one write, all or nothing. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbMetadataStore } from '../../server/storage/lowdb/LowdbMetadataStore.js';
import type { Organization } from '@shared/domain/organization.js';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zm-batch-'));
  file = join(dir, 'metadata.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const org = (id: string, name: string): Organization => ({
  id,
  name,
  creditCode: id,
  kind: 'enterprise',
  createdAt: 'now',
});

describe('MetadataStore.batch', () => {
  it('writes inserts and updates of several collections together', async () => {
    const store = await LowdbMetadataStore.open(file);
    await store.collection('organizations').insert(org('o1', '甲'));
    await store.batch((batch) => {
      batch.insert('organizations', [org('o2', '乙'), org('o3', '丙')]);
      batch.update('organizations', 'o1', { name: '甲公司' });
      batch.insert('audit', [{ id: 'a1', projectId: 'p', actorId: 'u', action: 'x', at: 'now', detail: {} }]);
    });
    await store.close();
    const reopened = await LowdbMetadataStore.open(file);
    expect(
      reopened
        .collection('organizations')
        .findMany()
        .map((o) => o.name),
    ).toEqual(['甲公司', '乙', '丙']);
    expect(reopened.collection('audit').get('a1')).toBeDefined();
  });

  it('changes nothing, in memory or on disk, when one change cannot apply', async () => {
    const store = await LowdbMetadataStore.open(file);
    await store.collection('organizations').insert(org('o1', '甲'));
    await store.close();
    const before = await readFile(file, 'utf8');
    await expect(
      store.batch((batch) => {
        batch.insert('organizations', [org('o2', '乙')]);
        batch.update('organizations', 'o1', { name: '改过的' });
        batch.insert('organizations', [org('o1', '重复')]);
      }),
    ).rejects.toThrow(/duplicate id o1/);
    await expect(store.batch((batch) => batch.update('organizations', 'missing', { name: 'x' }))).rejects.toThrow(
      /no missing/,
    );
    await expect(
      store.batch((batch) => {
        batch.insert('organizations', [org('o4', '丁')]);
        throw new Error('the caller gave up');
      }),
    ).rejects.toThrow(/gave up/);
    await store.close();
    expect(
      store
        .collection('organizations')
        .findMany()
        .map((o) => o.name),
    ).toEqual(['甲']);
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
