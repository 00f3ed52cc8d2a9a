/**
 * The drafting checker's live findings across instances (REDIS_URL): every instance with a document
 * loaded applies the updates made on the others and checks its own copy, so a client on B sees the
 * findings of an edit made on A — from B's server presence alone, never two checker states at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isServerPresence } from '@shared/collab/serverPresence.js';
import type { ServerPresenceState } from '@shared/collab/serverPresence.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { demoProject, login } from '../helpers/api.js';
import { connectSynced, waitFor } from '../helpers/collab.js';
import type { Client } from '../helpers/collab.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { POSTGRES_SKIP_REASON, startPostgres } from '../helpers/postgres.js';
import type { TestPostgres } from '../helpers/postgres.js';
import { REDIS_SKIP_REASON, startRedis } from '../helpers/redis.js';
import type { TestRedis } from '../helpers/redis.js';

const SKIP_REASON = POSTGRES_SKIP_REASON ?? REDIS_SKIP_REASON;
if (SKIP_REASON) console.warn(SKIP_REASON);

/** The server presence states a client sees (one per instance would be a mix-up). */
function serverPresences(client: Client): ServerPresenceState[] {
  return [...client.provider.awareness.getStates().values()].filter(isServerPresence);
}

function reportsMust(client: Client): boolean {
  return serverPresences(client).some(
    (state) => state.checker?.result.findings.some((f) => f.ruleId === 'wording.must') === true,
  );
}

/** A chapter of the standard's text, as the editor binding stores it. */
function chapterByRole(doc: Y.Doc, role: string): Y.XmlElement {
  for (const child of doc.getXmlFragment(CONTENT_FIELD).toArray())
    if (child instanceof Y.XmlElement && child.nodeName === 'chapter' && child.getAttribute('role') === role)
      return child;
  throw new Error(`no chapter ${role}`);
}

function newClause(id: string, title: string, text: string): Y.XmlElement {
  const clause = new Y.XmlElement('clause');
  clause.setAttribute('id', id);
  const heading = new Y.XmlElement('sectionTitle');
  heading.insert(0, [new Y.XmlText(title)]);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  clause.insert(0, [heading, paragraph]);
  return clause;
}

describe.skipIf(SKIP_REASON !== null)("the checker's live findings across instances", () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const databaseUrl = await postgres.createDatabase();
    a = await startTestServer({ databaseUrl, redisUrl: redis.url });
    b = await startTestServer({ databaseUrl, redisUrl: redis.url, seedDemo: false });
  }, 60_000);
  afterAll(async () => {
    for (const server of [a, b]) await server?.dispose().catch(() => undefined);
    await redis?.stop();
    await postgres?.stop();
  });

  it('shows a client on B the findings of an edit made on A, and their clearing', async () => {
    const lead = await login(a.url, 'lead@example.com');
    const { standardId } = await demoProject(a.url, lead);
    await waitFor(
      async () => (await fetch(`${b.url}/api/auth/me`, { headers: { authorization: `Bearer ${lead}` } })).ok,
      'B knows the session',
    );
    const onA = await connectSynced(a.url, standardId, lead);
    const onB = await connectSynced(b.url, standardId, lead);
    try {
      await waitFor(() => serverPresences(onB)[0]?.checker !== undefined, "B's first check");
      expect(reportsMust(onB)).toBe(false);

      const requirements = chapterByRole(onA.doc, 'technical-requirements');
      const added = newClause('crossInstanceClause', '附加要求', '产品必须符合本文件的规定。');
      onA.doc.transact(() => requirements.insert(requirements.length, [added]));
      await waitFor(() => reportsMust(onB), 'wording.must reported to the client on B', 15_000);
      expect(serverPresences(onB)).toHaveLength(1);

      const text = (added.get(1) as Y.XmlElement).get(0) as Y.XmlText;
      onA.doc.transact(() => {
        const index = text.toString().indexOf('必须');
        text.delete(index, 2);
        text.insert(index, '应');
      });
      await waitFor(() => !reportsMust(onB), 'the finding cleared on B', 15_000);
      expect(serverPresences(onA)).toHaveLength(1);
      expect(serverPresences(onB)).toHaveLength(1);
    } finally {
      onA.destroy();
      onB.destroy();
    }
  }, 40_000);
});
