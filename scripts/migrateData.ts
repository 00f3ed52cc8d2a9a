/**
 * `npm run migrate-data -- --from <DATA_DIR> [--data-dir <dir>]`: copies an embedded workspace into
 * the PostgreSQL database of `DATABASE_URL` (migrated first), then checks the copy and prints a
 * table. Exit codes: 0 copied and checked, 1 the copy differs or failed, 2 refused (usage, a server
 * on the data dir, a database that holds data): nothing was written. docs/deploy.md describes the move.
 */
import { migrateData } from './lib/migrateData.js';
import { MigrationRefused } from './lib/migrationRefused.js';
import { migrationReport } from './lib/migrationReport.js';

const USAGE =
  'DATABASE_URL=postgres://… npm run migrate-data -- --from <DATA_DIR> [--data-dir <the instances’ DATA_DIR>]';

function refuse(message: string): never {
  process.stderr.write(`${message}\nUsage: ${USAGE}\n`);
  process.exit(2);
}

let from: string | null = null;
let dataDir: string | undefined;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--from' && args[i + 1]) from = args[++i]!;
  else if (arg === '--data-dir' && args[i + 1]) dataDir = args[++i]!;
  else refuse(`Unexpected argument ${arg}`);
}
if (!from) refuse('--from is missing');
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) refuse('DATABASE_URL is not set (e.g. DATABASE_URL=postgres://user@localhost:5432/standards)');

try {
  const result = await migrateData({
    from,
    databaseUrl,
    ...(dataDir ? { dataDir } : {}),
    progress: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`\n${migrationReport(result.verification)}\n`);
  process.exitCode = result.verification.ok ? 0 : 1;
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof MigrationRefused) {
    process.stderr.write(`Refused: ${message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`The migration failed: ${message}\n`);
    process.exitCode = 1;
  }
}
