/**
 * Limits on attempts at guessing credentials (rate-limiter-flexible, in memory): sign-in, and the
 * invitation links whose token in the path is the credential. Over the limit the answer is a 429
 * (`RateLimited`) with `Retry-After`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimited } from '../domain/errors.js';
import type { ApiEnv } from './context.js';

export interface AttemptLimit {
  points: number;
  durationSeconds: number;
}

/** The caller's IP address (the key of per-address limits). */
export function clientAddress(c: Context<ApiEnv>): string {
  return getConnInfo(c).remote.address ?? 'unknown';
}

/** Consumes one attempt; a 429 with Retry-After when none is left. */
export async function consumeAttempt(
  c: Context<ApiEnv>,
  limiter: RateLimiterMemory,
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
export function limitFailedAttempts(limit: AttemptLimit, message: string): MiddlewareHandler<ApiEnv> {
  const perAddress = new RateLimiterMemory({ points: limit.points, duration: limit.durationSeconds });
  return async (c, next) => {
    const address = clientAddress(c);
    await consumeAttempt(c, perAddress, address, message);
    await next();
    if (c.res.status < 400) await perAddress.reward(address, 1);
  };
}
