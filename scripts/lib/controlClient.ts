/**
 * The backup's side of the running server's control socket (server/backup/controlSocket.ts): ask
 * for a pause of every write, then for the end of it.
 */
import { createConnection } from 'node:net';
import type { Socket } from 'node:net';
import { controlSocketPath } from '../../server/backup/controlSocket.js';
import type { ControlReply, ControlRequest } from '../../server/backup/controlSocket.js';

const ANSWER_TIMEOUT_MS = 60_000;

export class ControlClient {
  private buffered = '';
  private readonly replies: ControlReply[] = [];
  private waiting: ((reply: ControlReply) => void) | null = null;
  /** Set when the server ended the pause by itself (it lasted too long). */
  expired = false;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffered += chunk;
      let newline = this.buffered.indexOf('\n');
      while (newline >= 0) {
        const reply = JSON.parse(this.buffered.slice(0, newline)) as ControlReply;
        this.buffered = this.buffered.slice(newline + 1);
        if ('expired' in reply) this.expired = true;
        else if (this.waiting) this.waiting(reply);
        else this.replies.push(reply);
        newline = this.buffered.indexOf('\n');
      }
    });
    socket.on('error', () => undefined);
  }

  /** Connects to the server running on `dataDir`; null when none is running there. */
  static connect(dataDir: string): Promise<ControlClient | null> {
    return new Promise((resolve, reject) => {
      const socket = createConnection(controlSocketPath(dataDir));
      socket.once('connect', () => resolve(new ControlClient(socket)));
      socket.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(null);
        else reject(error);
      });
    });
  }

  private request(request: ControlRequest): Promise<ControlReply> {
    this.socket.write(`${JSON.stringify(request)}\n`);
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not answer')), ANSWER_TIMEOUT_MS);
      const onClose = (): void => reject(new Error('the server closed the control connection'));
      this.socket.once('close', onClose);
      this.waiting = (reply) => {
        clearTimeout(timer);
        this.socket.off('close', onClose);
        this.waiting = null;
        resolve(reply);
      };
    });
  }

  /** Resolves once the server has stored everything pending and holds every write. */
  async pause(): Promise<void> {
    const reply = await this.request({ command: 'pause' });
    if (!('paused' in reply)) throw new Error(`the server did not pause its writes: ${JSON.stringify(reply)}`);
  }

  async resume(): Promise<void> {
    const reply = await this.request({ command: 'resume' });
    if (!('resumed' in reply))
      throw new Error(`the server had already ended the pause (${'error' in reply ? reply.error : 'expired'})`);
  }

  close(): void {
    this.socket.destroy();
  }
}
