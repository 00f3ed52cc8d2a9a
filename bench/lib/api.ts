/**
 * Getting a fresh document to benchmark on each server. OUR server: sign in as the demo lead and
 * create a project (3 fresh documents); the WebSocket authenticates with `?token=`. The reference
 * server and the relay accept any room name.
 */
import { randomUUID } from 'node:crypto';
import type { LoginResponse, ProjectListItem } from '@shared/api/types.js';
import type { ServerProcess } from './serverProcess.js';

export const DEMO_EMAIL = 'lead@example.com';
export const DEMO_PASSWORD = 'demo-password';

export interface BenchDocument {
  /** y-websocket server URL (room is appended as `/${documentId}`). */
  wsBase: string;
  documentId: string;
  params: Record<string, string>;
}

async function json<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

export async function login(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }),
  });
  const body = await json<LoginResponse>(response, 'login');
  if (typeof body.token !== 'string') throw new Error('login: no token in the answer');
  return body.token;
}

export async function createProjectDocuments(baseUrl: string, token: string, label: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/api/projects`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      nameZh: `基准测试 ${label}`,
      standardType: 'product',
      publicationCategory: 'T',
      startDate: new Date().toISOString().slice(0, 10),
    }),
  });
  const project = await json<ProjectListItem>(response, 'create project');
  if (!Array.isArray(project.documents) || project.documents.length === 0)
    throw new Error('create project: no documents');
  return project.documents.map((d) => d.id);
}

/** Caches one sign-in per server process. */
const tokens = new WeakMap<ServerProcess, string>();

export async function freshDocument(server: ServerProcess, label: string): Promise<BenchDocument> {
  if (server.kind !== 'ours') {
    return { wsBase: server.wsBase, documentId: `bench-${label}-${randomUUID().slice(0, 8)}`, params: {} };
  }
  let token = tokens.get(server);
  if (!token) {
    token = await login(server.httpUrl);
    tokens.set(server, token);
  }
  const [documentId] = await createProjectDocuments(server.httpUrl, token, label);
  return { wsBase: server.wsBase, documentId: documentId!, params: { token } };
}

/** A document of a (restarted) server, addressed by id. */
export async function existingDocument(server: ServerProcess, documentId: string): Promise<BenchDocument> {
  if (server.kind !== 'ours') return { wsBase: server.wsBase, documentId, params: {} };
  const token = await login(server.httpUrl);
  tokens.set(server, token);
  return { wsBase: server.wsBase, documentId, params: { token } };
}

export function documentUrl(doc: BenchDocument): string {
  const query = new URLSearchParams(doc.params).toString();
  return `${doc.wsBase}/${doc.documentId}${query ? `?${query}` : ''}`;
}
