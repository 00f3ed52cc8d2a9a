/**
 * `npm run migrate`: applies the PostgreSQL storage's pending migrations to `DATABASE_URL`
 * (the server also does so at start). Prints what it applied.
 */
import pg from 'pg';
import { migrate } from '../server/storage/postgres/migrations.js';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL is not set (e.g. DATABASE_URL=postgres://user@localhost:5432/standards)\n');
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: url, max: 1 });
try {
  const applied = await migrate(pool);
  process.stdout.write(applied.length > 0 ? `applied: ${applied.join(', ')}\n` : 'the database schema is up to date\n');
} finally {
  await pool.end();
}
