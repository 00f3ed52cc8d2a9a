/** What the PostgreSQL storage tests share: one throwaway server per describe block, and records to write. */
import { afterAll, beforeAll } from 'vitest';
import type { Organization } from '@shared/domain/organization.js';
import { startPostgres } from './postgres.js';
import type { TestPostgres } from './postgres.js';

/** Starts a throwaway PostgreSQL before the enclosing block's tests and stops it after them. */
export function postgresForSuite(): { createDatabase: () => Promise<string> } {
  let server: TestPostgres | undefined;
  beforeAll(async () => {
    server = await startPostgres();
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });
  return {
    createDatabase: () => {
      if (!server) throw new Error('PostgreSQL is not started: call postgresForSuite() inside a describe block');
      return server.createDatabase();
    },
  };
}

/** An organization record with just enough in it. */
export const testOrganization = (id: string, name = id): Organization => ({
  id,
  name,
  creditCode: id,
  kind: 'enterprise',
  createdAt: 'now',
});
