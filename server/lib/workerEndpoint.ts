/**
 * The worker side of a `WorkerPool`: answers each request with its handler's result (and the
 * buffers to move back with it), or with the error's text.
 */
import { parentPort } from 'node:worker_threads';
import type { Transferable } from 'node:worker_threads';
import type { PoolEnvelope, PoolReply } from './WorkerPool.js';

export function answerPoolRequests<M, R>(
  handle: (message: M) => R | Promise<R>,
  transfer: (result: R) => Transferable[] = () => [],
): void {
  const port = parentPort;
  if (!port) throw new Error('a pool worker must run in a worker thread');
  port.on('message', async ({ id, message }: PoolEnvelope<M>) => {
    try {
      const result = await handle(message);
      port.postMessage({ id, result } satisfies PoolReply<R>, transfer(result));
    } catch (error) {
      port.postMessage({
        id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies PoolReply<R>);
    }
  });
}
