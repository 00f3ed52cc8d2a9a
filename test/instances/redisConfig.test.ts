/** REDIS_URL: nothing changes without it; it joins instances only when they share PostgreSQL. */
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config.js';

describe('the REDIS_URL setting', () => {
  it('is absent by default', () => {
    expect(configFromEnv({}).redisUrl).toBeUndefined();
    expect(configFromEnv({ STORAGE: 'postgres', DATABASE_URL: 'postgres://u@db/s' }).redisUrl).toBeUndefined();
  });

  it('is taken with STORAGE=postgres', () => {
    const config = configFromEnv({
      STORAGE: 'postgres',
      DATABASE_URL: 'postgres://u@db/s',
      REDIS_URL: 'redis://r:6379',
    });
    expect(config.redisUrl).toBe('redis://r:6379');
  });

  it('is refused with the embedded storage', () => {
    expect(() => configFromEnv({ REDIS_URL: 'redis://r:6379' })).toThrow(/needs STORAGE=postgres/);
  });
});
