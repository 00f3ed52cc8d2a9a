/**
 * The set-up most collaboration tests share: a fresh server per test, the lead signed in, the demo
 * project's standard text, and the clients the test opened (destroyed after it, before the server
 * stops). Call once at the top of a test file; read the fields inside tests.
 */
import { afterEach, beforeEach } from 'vitest';
import { demoProject, login } from './api.js';
import { connectSynced } from './collab.js';
import type { Client } from './collab.js';
import { startTestServer } from './server.js';
import type { TestServer } from './server.js';

export interface CollabSuite {
  readonly server: TestServer;
  /** The lead's API token. */
  readonly token: string;
  /** The demo project's standard text. */
  readonly documentId: string;
  /** Destroys the client after the test. */
  track<T extends Client>(client: T): T;
  /** A synced client of the standard text (as the lead unless another token is given), tracked. */
  connected(token?: string): Promise<Client>;
}

export function collabSuite(): CollabSuite {
  let running: TestServer | null = null;
  let token = '';
  let documentId = '';
  const clients: Client[] = [];

  beforeEach(async () => {
    running = await startTestServer();
    token = await login(running.url, 'lead@example.com');
    documentId = (await demoProject(running.url, token)).standardId;
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await running?.dispose();
    running = null;
  });

  const server = (): TestServer => {
    if (!running) throw new Error('collabSuite: the server runs only inside a test');
    return running;
  };
  const track = <T extends Client>(client: T): T => {
    clients.push(client);
    return client;
  };
  return {
    get server() {
      return server();
    },
    get token() {
      return token;
    },
    get documentId() {
      return documentId;
    },
    track,
    async connected(as = token) {
      return track(await connectSynced(server().url, documentId, as));
    },
  };
}
