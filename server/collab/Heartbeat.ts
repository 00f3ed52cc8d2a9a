/**
 * Ping/pong for every open collaboration socket, from the moment it is accepted (also while it is
 * still being authenticated or its document is loading): a socket that has not answered the
 * previous ping when the next one is due is considered dead and terminated.
 */
import type { WebSocket } from 'ws';
import type { Logger } from '../logger.js';

export class Heartbeat {
  private readonly sockets = new Map<WebSocket, { alive: boolean }>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    intervalMs: number,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => this.pingAll(), intervalMs);
    this.timer.unref();
  }

  /** Watches a socket until it closes. */
  track(ws: WebSocket): void {
    const state = { alive: true };
    this.sockets.set(ws, state);
    ws.on('pong', () => {
      state.alive = true;
    });
    ws.on('close', () => this.sockets.delete(ws));
  }

  /** The sockets being watched (every open collaboration socket). */
  get open(): WebSocket[] {
    return [...this.sockets.keys()];
  }

  private pingAll(): void {
    for (const [ws, state] of this.sockets) {
      if (!state.alive) {
        this.log.info('dropping a collaboration socket that did not answer the last ping');
        this.sockets.delete(ws);
        ws.terminate();
        continue;
      }
      state.alive = false;
      try {
        ws.ping();
      } catch (error) {
        this.log.warn({ err: error }, 'could not ping a collaboration socket; dropping it');
        this.sockets.delete(ws);
        ws.terminate();
      }
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
