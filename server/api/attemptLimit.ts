/**
 * Limits on attempts at guessing credentials (rate-limiter-flexible): sign-in, and the invitation
 * links whose token in the path is the credential. Over the limit the answer is a 429
 * (`RateLimited`) with `Retry-After`. Counted in memory by default; in Redis when instances are
 * joined (server/redis/attemptLimiters.ts), so the limits hold across instances.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimited } from '../domain/errors.js';
import type { ApiEnv } from './context.js';

export interface AttemptLimit {
  points: number;
  durationSeconds: number;
}

/** Makes the limiter of one kind of attempt; `name` keeps the kinds apart in a shared store. */
export type AttemptLimiters = (name: string, limit: AttemptLimit) => RateLimiterAbstract;

/** The default: each instance counts the attempts it receives, in memory. */
export const inMemoryLimiters: AttemptLimiters = (_name, { points, durationSeconds }) =>
  new RateLimiterMemory({ points, duration: durationSeconds });

/**
 * The caller's IP address (the key of per-address limits): the socket's peer, or behind a trusted
 * proxy (`TRUST_PROXY`) the client its `X-Forwarded-For` names (server/security/trustedProxies.ts).
 */
export function clientAddress(c: Context<ApiEnv>): string {
  return c.get('client').address;
}

/** Consumes one attempt; a 429 with Retry-After when none is left. */
export async function consumeAttempt(
  c: Context<ApiEnv>,
  limiter: RateLimiterAbstract,
  key: string,
  message: string,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      c.header('Retry-After', String(Math.ceil(error.msBeforeNext / 1000)));
      throw new RateLimited(message);
    }
    throw error;
  }
}

/**
 * Middleware: each request from an address uses one of its attempts, and a request that succeeds
 * (2xx/3xx) gives it back — so only failures (an unknown or expired token, a refused answer) count,
 * as for sign-in.
 */
export function limitFailedAttempts(
  limiters: AttemptLimiters,
  name: string,
  limit: AttemptLimit,
  message: string,
): MiddlewareHandler<ApiEnv> {
  const perAddress = limiters(name, limit);
  return async (c, next) => {
    const address = clientAddress(c);
    await consumeAttempt(c, perAddress, address, message);
    await next();
    if (c.res.status < 400) await perAddress.reward(address, 1);
  };
}
