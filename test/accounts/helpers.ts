/** Helpers for the accounts tests: admin calls, fresh users, and a real SSE reader. */
import type { PublicUser } from '@shared/domain/user.js';
import { DEMO_PASSWORD, login, request } from '../helpers/api.js';
import { waitFor } from '../helpers/collab.js';
import type { TestServer } from '../helpers/server.js';

let counter = 0;

export async function call<T>(
  server: TestServer,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const result = await request<T>(server.url, method, path, { token, body });
  if (result.status >= 300)
    throw new Error(`${method} ${path} failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

export function organizationIdOf(server: TestServer, email: string): string {
  const user = server.services.metadata.collection('users').findOne({ email });
  if (!user) throw new Error(`no user ${email}`);
  return user.organizationId;
}

export function userIdOf(server: TestServer, email: string): string {
  const user = server.services.metadata.collection('users').findOne({ email });
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

/** A new account created by the administrator in the given organization, signed in. */
export async function freshUser(
  server: TestServer,
  adminToken: string,
  organizationId: string,
  options: { isAdmin?: boolean } = {},
): Promise<{ user: PublicUser; token: string }> {
  const n = ++counter;
  const email = `accounts${n}-${Date.now()}@example.com`;
  const user = await call<PublicUser>(server, adminToken, 'POST', '/api/users', {
    name: `测试用户${n}`,
    email,
    organizationId,
    password: DEMO_PASSWORD,
    isAdmin: options.isAdmin ?? false,
  });
  return { user, token: await login(server.url, email) };
}

export interface EventStream {
  status: number;
  /** Event types received so far. */
  types: string[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  isEnded(): boolean;
  close(): void;
}

/** Opens GET /api/projects/:id/events as a real SSE client and records what arrives. */
export async function openEvents(server: TestServer, projectId: string, token: string): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/api/projects/${projectId}/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const types: string[] = [];
  let done = false;
  const ended = (async () => {
    if (!response.body) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const type = /^event: (.+)$/m.exec(block)?.[1];
          if (type) types.push(type);
          cut = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by the test
    } finally {
      done = true;
    }
  })();
  const stream: EventStream = {
    status: response.status,
    types,
    ended,
    isEnded: () => done,
    close: () => controller.abort(),
  };
  if (response.ok) await waitFor(() => types.includes('ready'), 'event stream ready');
  return stream;
}

/** Waits until the stream received an event of this type after `from` events. */
export async function nextEvent(stream: EventStream, type: string, from: number): Promise<void> {
  await waitFor(() => stream.types.slice(from).includes(type), `event ${type}`, 5000);
}
