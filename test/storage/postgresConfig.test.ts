/** STORAGE / DATABASE_URL: the embedded default unless PostgreSQL is asked for, and asked for completely. */
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config.js';

describe('the storage setting', () => {
  it('keeps lowdb + files by default and with STORAGE=files', () => {
    expect(configFromEnv({}).databaseUrl).toBeUndefined();
    expect(configFromEnv({ STORAGE: 'files', DATABASE_URL: 'postgres://x/y' }).databaseUrl).toBeUndefined();
  });

  it('selects PostgreSQL with STORAGE=postgres and DATABASE_URL', () => {
    expect(configFromEnv({ STORAGE: 'postgres', DATABASE_URL: 'postgres://u@db:5432/standards' }).databaseUrl).toBe(
      'postgres://u@db:5432/standards',
    );
  });

  it('refuses STORAGE=postgres without DATABASE_URL, and an unknown STORAGE', () => {
    expect(() => configFromEnv({ STORAGE: 'postgres' })).toThrow(/needs DATABASE_URL/);
    expect(() => configFromEnv({ STORAGE: 'mysql' })).toThrow(/files or postgres/);
  });
});
