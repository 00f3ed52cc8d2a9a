/**
 * A throwaway PostgreSQL for tests: `initdb` into a temporary directory, the server on a free
 * loopback port (without fsync, for speed), stopped and removed after. No Docker, no system service.
 * The code lives in scripts/lib/throwawayPostgres.ts, shared with the benchmarks.
 */
export { POSTGRES_SKIP_REASON, postgresBin, startPostgres } from '../../scripts/lib/throwawayPostgres.js';
export type { StartPostgresOptions, TestPostgres } from '../../scripts/lib/throwawayPostgres.js';
