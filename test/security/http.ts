/** Raw HTTP for the security tests: whatever headers (Origin, Host, Sec-Fetch-Site, Cookie) and body a test needs. */
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import WebSocket from 'ws';

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export function call(
  baseUrl: string,
  method: string,
  path: string,
  headers: OutgoingHttpHeaders = {},
  body?: string | Uint8Array,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? {} : { 'content-length': Buffer.byteLength(body) };
    const req = httpRequest(`${baseUrl}${path}`, { method, headers: { ...length, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The `Cookie` header a browser would send for a session. */
export const sessionCookie = (token: string): string => `zm_session=${token}`;

/** How a websocket handshake ended: opened, or refused with an HTTP status and body. */
export type Handshake = { opened: true; socket: WebSocket } | { opened: false; status: number; body: string };

export function handshake(url: string, headers: Record<string, string>): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => resolve({ opened: true, socket }));
    socket.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      response.on('end', () => resolve({ opened: false, status: response.statusCode ?? 0, body }));
    });
    socket.on('error', (error) => reject(error));
  });
}
