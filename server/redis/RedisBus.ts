/**
 * The instances' shared channel: Redis publish/subscribe over two connections of the `redis` client
 * (one publishes, one subscribes, as Redis requires). Every message carries the sending instance's id;
 * an instance ignores its own. Messages are JSON; binary Yjs payloads travel base64-encoded.
 * The client reconnects by itself and subscribes again; what was published while it was away is
 * not replayed (see docs/architecture.md, "Several instances").
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import type { Logger } from '../logger.js';

type RedisClient = ReturnType<typeof createClient>;

/** A message as it crosses Redis: the sender and its body. */
interface Envelope {
  from: string;
  body: unknown;
}

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && 'from' in value && typeof value.from === 'string';
}

export class RedisBus {
  /** This instance's id on the bus. */
  readonly instanceId = randomUUID();

  private constructor(
    private readonly publisher: RedisClient,
    private readonly subscriber: RedisClient,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {}

  /** Connects to `REDIS_URL`; `prefix` namespaces the channels (one deployment per prefix). */
  static async connect(url: string, log: Logger, prefix = 'zm:'): Promise<RedisBus> {
    const publisher: RedisClient = createClient({ url });
    const subscriber: RedisClient = publisher.duplicate();
    for (const [role, client] of [
      ['publisher', publisher],
      ['subscriber', subscriber],
    ] as const) {
      client.on('error', (error: unknown) => log.error({ err: error, role }, 'Redis connection error'));
      client.on('reconnecting', () => log.warn({ role }, 'reconnecting to Redis'));
    }
    try {
      await publisher.connect();
      await subscriber.connect();
    } catch (error) {
      publisher.destroy();
      subscriber.destroy();
      throw error;
    }
    return new RedisBus(publisher, subscriber, prefix, log);
  }

  /** The connection that publishes, for plain commands too (the attempt counters, server/redis/attemptLimiters.ts). */
  get commands(): RedisClient {
    return this.publisher;
  }

  /** The prefix of this deployment's channels and keys. */
  get keyPrefix(): string {
    return this.prefix;
  }

  /** Publishes to every other instance subscribed to `channel`; a failure is logged, not thrown. */
  async publish(channel: string, body: unknown): Promise<void> {
    const envelope: Envelope = { from: this.instanceId, body };
    try {
      await this.publisher.publish(this.prefix + channel, JSON.stringify(envelope));
    } catch (error) {
      this.log.error({ err: error, channel }, 'publishing to Redis failed');
    }
  }

  /** Calls `handler` with the body of every message another instance publishes on `channel`. */
  async subscribe(channel: string, handler: (body: unknown) => void): Promise<void> {
    await this.subscriber.subscribe(this.prefix + channel, (message: string) => {
      let envelope: unknown;
      try {
        envelope = JSON.parse(message);
      } catch {
        this.log.warn({ channel }, 'an unreadable Redis message was ignored');
        return;
      }
      if (!isEnvelope(envelope) || envelope.from === this.instanceId) return;
      try {
        handler(envelope.body);
      } catch (error) {
        this.log.error({ err: error, channel }, 'handling a Redis message failed');
      }
    });
  }

  async unsubscribe(channel: string): Promise<void> {
    await this.subscriber.unsubscribe(this.prefix + channel);
  }

  /** Closes both connections, waiting a moment for what is queued; a Redis that is away is not waited for. */
  async close(): Promise<void> {
    const closed = Promise.allSettled([this.subscriber.close(), this.publisher.close()]);
    const waited = await Promise.race([
      closed.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000).unref()),
    ]);
    if (!waited) {
      this.subscriber.destroy();
      this.publisher.destroy();
    }
  }
}
