/** A tiny REST client for tests: real HTTP against the running server. */
import type { LoginResponse, ProjectDetailResponse, ProjectListItem } from '@shared/api/types.js';

export const DEMO_PASSWORD = 'demo-password';

export interface ApiResult<T> {
  status: number;
  body: T;
}

export async function request<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const body = (text ? JSON.parse(text) : null) as T;
  return { status: response.status, body };
}

export async function login(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const result = await request<LoginResponse>(baseUrl, 'POST', '/api/auth/login', { body: { email, password } });
  if (result.status !== 200) throw new Error(`login ${email} failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body.token;
}

/** The main demo project (the one with the largest drafting group) and its standard text's document id. */
export async function demoProject(
  baseUrl: string,
  token: string,
): Promise<{ project: ProjectListItem; standardId: string }> {
  const result = await request<ProjectListItem[]>(baseUrl, 'GET', '/api/projects', { token });
  let project: ProjectListItem | undefined;
  let largest = -1;
  for (const item of result.body) {
    const detail = await request<ProjectDetailResponse>(baseUrl, 'GET', `/api/projects/${item.id}`, { token });
    if (detail.body.members.length > largest) {
      largest = detail.body.members.length;
      project = item;
    }
  }
  if (!project) throw new Error('no demo project');
  const standard = project.documents.find((d) => d.kind === 'standard');
  if (!standard) throw new Error('no standard document');
  return { project, standardId: standard.id };
}
