/**
 * The instances' shared channel: Redis publish/subscribe over two connections of the `redis` client
 * (one publishes, one subscribes, as Redis requires). Every message carries the sending instance's id;
 * an instance ignores its own. Messages are JSON; binary Yjs payloads travel base64-encoded.
 * The client reconnects by itself and subscribes again, but what was published while a connection
 * was away is not replayed. So:
 *
 * - while the publishing connection is not ready, nothing is published (nor queued, which would
 *   grow without bound during a long outage): the message is dropped;
 * - when the subscribing connection is back (ready again: node-redis has subscribed to every
 *   channel again), this instance catches up (`onResumed` listeners read PostgreSQL again);
 * - when the publishing connection is back, this instance asks the others to catch up (on the
 *   `catch-up` channel), since what it dropped meanwhile (or what was in flight when the
 *   connection broke) reached nobody, even those that stayed connected.
 *
 * Catch-up requests that come close together (a Redis restart brings every instance back at about
 * the same time) are run once. See docs/architecture.md, "Several instances (Redis)".
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

/** The channel on which an instance back on Redis asks the others to catch up. */
const CATCH_UP_CHANNEL = 'catch-up';
/** Catch-up requests within this delay are run once. */
const CATCH_UP_DELAY_MS = 100;

export class RedisBus {
  /** This instance's id on the bus. */
  readonly instanceId = randomUUID();
  private readonly resumedListeners = new Set<() => void>();
  /** The connection failed since it was last ready. */
  private readonly lost = { publisher: false, subscriber: false };
  /** Messages dropped since the publishing connection was lost. */
  private unsent = 0;
  private catchUpTimer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly publisher: RedisClient,
    private readonly subscriber: RedisClient,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {
    for (const [role, client] of [
      ['publisher', publisher],
      ['subscriber', subscriber],
    ] as const) {
      const lost = () => {
        this.lost[role] = true;
      };
      client.on('error', lost);
      client.on('reconnecting', lost);
      client.on('ready', () => {
        if (!this.lost[role]) return;
        this.lost[role] = false;
        if (role === 'subscriber') {
          log.warn('subscribed to Redis again: catching up on what was published meanwhile');
          this.scheduleCatchUp();
        } else {
          log.warn({ unsent: this.unsent }, 'publishing to Redis again: asking the other instances to catch up');
          this.unsent = 0;
          void this.publish(CATCH_UP_CHANNEL, {});
        }
      });
    }
  }

  /**
   * Calls `listener` when this instance may have missed messages and must read again what they
   * announce: its subscribing connection is back after being lost, or another instance asked.
   * Returns the unsubscribe.
   */
  onResumed(listener: () => void): () => void {
    this.resumedListeners.add(listener);
    return () => this.resumedListeners.delete(listener);
  }

  private scheduleCatchUp(): void {
    if (this.catchUpTimer) return;
    this.catchUpTimer = setTimeout(() => {
      this.catchUpTimer = null;
      for (const listener of this.resumedListeners) {
        try {
          listener();
        } catch (error) {
          this.log.error({ err: error }, 'catching up after Redis was away failed');
        }
      }
    }, CATCH_UP_DELAY_MS);
    this.catchUpTimer.unref();
  }

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
    const bus = new RedisBus(publisher, subscriber, prefix, log);
    try {
      await bus.subscribe(CATCH_UP_CHANNEL, () => bus.scheduleCatchUp());
    } catch (error) {
      await bus.close();
      throw error;
    }
    return bus;
  }

  /** The connection that publishes, for plain commands too (the attempt counters, server/redis/attemptLimiters.ts). */
  get commands(): RedisClient {
    return this.publisher;
  }

  /** The prefix of this deployment's channels and keys. */
  get keyPrefix(): string {
    return this.prefix;
  }

  /**
   * Publishes to every other instance subscribed to `channel`; a failure is logged, not thrown.
   * Dropped while the connection is not ready (the others catch up once it is back).
   */
  async publish(channel: string, body: unknown): Promise<void> {
    if (!this.publisher.isReady) {
      this.unsent++;
      return;
    }
    const envelope: Envelope = { from: this.instanceId, body };
    try {
      await this.publisher.publish(this.prefix + channel, JSON.stringify(envelope));
    } catch (error) {
      this.log.error({ err: error, channel }, 'publishing to Redis failed');
    }
  }

  /** Calls `handler` with the body (and the sender's id) of every message another instance publishes on `channel`. */
  async subscribe(channel: string, handler: (body: unknown, from: string) => void): Promise<void> {
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
        handler(envelope.body, envelope.from);
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
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.catchUpTimer = null;
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
