/**
 * A small typed wrapper around `fetch` for the REST API. Every request carries the session cookie
 * (`credentials: 'include'`); failures become `ApiRequestError`s that keep the server's
 * `{ error, issues }` so that forms can show them next to their fields.
 */
import type { ApiError } from '@shared/api/types';

export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    /** The server's own explanation (`error`), or a transport-level description. */
    readonly serverMessage: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(serverMessage);
    this.name = 'ApiRequestError';
  }

  /** The server message followed by the field problems, one per line. */
  get detail(): string {
    const lines = this.issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
    return [this.serverMessage, ...lines].filter((line) => line.length > 0).join('\n');
  }
}

/** Status 0: the request never reached the server (offline, server down). */
export const NETWORK_ERROR_STATUS = 0;

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Called whenever an API request answers 401 (the session expired or was ended elsewhere). */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'error' in value && typeof value.error === 'string';
}

function readIssues(value: ApiError): ApiIssue[] {
  if (!Array.isArray(value.issues)) return [];
  return value.issues
    .filter((issue) => typeof issue === 'object' && issue !== null && typeof issue.message === 'string')
    .map((issue) => ({ path: typeof issue.path === 'string' ? issue.path : '', message: issue.message }));
}

async function parseBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text.length === 0) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Do not notify the unauthenticated listeners on 401 (sign-in and "who am I" requests). */
  quietUnauthenticated?: boolean;
}

/**
 * Sends a request to the API and returns the parsed JSON body typed as `T`. The caller states the
 * expected response type from `shared/api/types.ts`; the server is the authority on its shape.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'include',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(NETWORK_ERROR_STATUS, error instanceof Error ? error.message : 'network error');
  }
  const parsed = await parseBody(response);
  if (!response.ok) {
    if (response.status === 401 && !options.quietUnauthenticated) {
      for (const listener of unauthenticatedListeners) listener();
    }
    if (isApiError(parsed)) throw new ApiRequestError(response.status, parsed.error, readIssues(parsed));
    throw new ApiRequestError(response.status, typeof parsed === 'string' ? parsed.slice(0, 300) : response.statusText);
  }
  return parsed as T;
}

export const http = {
  get: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) => request<T>(path, options),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'PATCH', body }),
  put: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'PUT', body }),
  delete: <T = void>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'DELETE' }),
};
