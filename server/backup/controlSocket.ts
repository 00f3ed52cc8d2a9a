/**
 * The running server's control socket: a Unix socket beside the data (`DATA_DIR/control.sock`, owner
 * only) through which `npm run backup` asks the server to hold its writes for a moment, so that the
 * files can be taken as they are at one moment while the server keeps running (docs/architecture.md,
 * "Backup"). Protocol: one JSON object per line.
 *
 *   → {"command":"pause"}    ← {"paused":true,"maxPauseMs":…}   every document stored, no write in flight
 *   → {"command":"resume"}   ← {"resumed":true}
 *                            ← {"expired":true}   the server resumed by itself after maxPauseMs
 *
 * Only one pause at a time; a pause ends when its client says so, disconnects, or after maxPauseMs.
 * Also a lock: a second server started on the same data dir finds the socket answering and refuses.
 */
import { createConnection, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { createHash } from 'node:crypto';
import { chmod, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../logger.js';

/** Longest path a Unix socket may have (108 bytes on Linux, with the terminating zero). */
const MAX_SOCKET_PATH = 100;

/** Where the control socket of a data dir is (in it, or in the temporary dir if that path is too long). */
export function controlSocketPath(dataDir: string): string {
  const inDataDir = join(dataDir, 'control.sock');
  if (Buffer.byteLength(inDataDir) <= MAX_SOCKET_PATH) return inDataDir;
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  return join(tmpdir(), `zm-control-${hash}.sock`);
}

export type ControlRequest = { command: 'pause' } | { command: 'resume' };
export type ControlReply =
  | { paused: true; maxPauseMs: number }
  | { resumed: true }
  | { expired: true }
  | { error: string };

export interface ControlActions {
  /** Stores what is pending and holds every new write; resolves once nothing is being written. */
  pause(): Promise<void>;
  resume(): void;
}

/** Whether something answers on the socket path (a running server). */
export function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createConnection(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

function send(socket: Socket, reply: ControlReply): void {
  if (!socket.destroyed) socket.write(`${JSON.stringify(reply)}\n`);
}

function parseRequest(line: string): ControlRequest | null {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null) return null;
    const command = (value as { command?: unknown }).command;
    return command === 'pause' || command === 'resume' ? { command } : null;
  } catch {
    return null;
  }
}

export class ControlSocket {
  /** The connection holding the pause, and the timer that ends it. */
  private holder: { socket: Socket; timer: NodeJS.Timeout } | null = null;
  private pausing = false;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly path: string,
    private readonly actions: ControlActions,
    private readonly log: Logger,
    private readonly maxPauseMs: number,
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  static async listen(
    dataDir: string,
    actions: ControlActions,
    log: Logger,
    options: { maxPauseMs?: number } = {},
  ): Promise<ControlSocket> {
    const path = controlSocketPath(dataDir);
    if (await socketAnswers(path))
      throw new Error(`another server is running on the data dir ${dataDir} (its control socket ${path} answers)`);
    await unlink(path).catch(() => undefined); // left behind by a server that was killed
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
    await chmod(path, 0o600);
    return new ControlSocket(server, path, actions, log, options.maxPauseMs ?? 30_000);
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    let buffered = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      if (buffered.length > 4096) socket.destroy();
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        void this.handle(socket, parseRequest(line));
        newline = buffered.indexOf('\n');
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (this.holder?.socket === socket) this.end('the backup client disconnected');
    });
  }

  private async handle(socket: Socket, request: ControlRequest | null): Promise<void> {
    if (!request) {
      send(socket, { error: 'unknown request' });
      return;
    }
    if (request.command === 'resume') {
      if (this.holder?.socket !== socket) {
        send(socket, { error: 'writes were not paused for this connection (the pause expired?)' });
        return;
      }
      this.end('resumed by the backup client');
      send(socket, { resumed: true });
      return;
    }
    if (this.holder || this.pausing) {
      send(socket, { error: 'another backup is in progress' });
      return;
    }
    this.pausing = true;
    try {
      await this.actions.pause();
    } catch (error) {
      this.pausing = false;
      send(socket, { error: `could not pause writes: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    this.pausing = false;
    if (socket.destroyed) {
      this.actions.resume();
      return;
    }
    const timer = setTimeout(() => {
      this.end(`the pause lasted longer than ${this.maxPauseMs} ms`);
      send(socket, { expired: true });
    }, this.maxPauseMs);
    this.holder = { socket, timer };
    this.log.info('writes paused for a backup');
    send(socket, { paused: true, maxPauseMs: this.maxPauseMs });
  }

  private end(why: string): void {
    const holder = this.holder;
    if (!holder) return;
    clearTimeout(holder.timer);
    this.holder = null;
    this.actions.resume();
    this.log.info({ why }, 'writes resumed after a backup pause');
  }

  /** Ends a pause in progress and stops listening (the socket file is removed). */
  async close(): Promise<void> {
    this.end('the server is stopping');
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}
