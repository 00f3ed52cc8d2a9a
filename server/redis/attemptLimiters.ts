/**
 * Attempt limits across instances: the sign-in and invitation-token counters
 * (server/api/attemptLimit.ts) live in Redis (rate-limiter-flexible's Redis store: an atomic
 * increment with expiry), so an address gets its allowance once for the whole deployment, not once
 * per instance. While Redis is away each instance counts in memory (the store's insurance limiter),
 * so sign-in keeps working and limited.
 */
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RedisBus } from './RedisBus.js';

/** Makes the limiter of one kind of attempt (the API's `AttemptLimiters`). */
export type RedisAttemptLimiters = (
  name: string,
  limit: { points: number; durationSeconds: number },
) => RateLimiterAbstract;

export function redisAttemptLimiters(bus: RedisBus): RedisAttemptLimiters {
  return (name, { points, durationSeconds }) =>
    new RateLimiterRedis({
      storeClient: bus.commands,
      useRedisPackage: true,
      keyPrefix: `${bus.keyPrefix}attempts:${name}`,
      points,
      duration: durationSeconds,
      insuranceLimiter: new RateLimiterMemory({ points, duration: durationSeconds }),
    });
}
