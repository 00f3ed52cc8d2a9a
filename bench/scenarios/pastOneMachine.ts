/**
 * `npm run bench -- pg-latency pg-documents pg-metadata pg-traces`: our server past one machine —
 * instances on PostgreSQL joined through Redis (bench/scenarios/pgInstances.ts) and PostgreSQL
 * storage against the embedded store (bench/scenarios/pgStorage.ts). Needs PostgreSQL and
 * redis-server installed (as the tests do: scripts/lib/throwawayPostgres.ts, test/helpers/redis.ts).
 */
import { POSTGRES_SKIP_REASON } from '../../scripts/lib/throwawayPostgres.js';
import { REDIS_SKIP_REASON } from '../../test/helpers/redis.js';
import type { Report } from '../lib/report.js';
import { pgDocumentsBenchmark, pgLatencyBenchmark } from './pgInstances.js';
import { pgMetadataBenchmark, pgTracesBenchmark } from './pgStorage.js';

type Benchmark = (report: Report, quick: boolean, findings: string[]) => Promise<void>;

/** Name → benchmark and whether it needs Redis (several instances). */
export const PAST_ONE_MACHINE: Record<string, { run: Benchmark; redis: boolean }> = {
  'pg-latency': { run: pgLatencyBenchmark, redis: true },
  'pg-documents': { run: pgDocumentsBenchmark, redis: true },
  'pg-metadata': { run: pgMetadataBenchmark, redis: false },
  'pg-traces': { run: pgTracesBenchmark, redis: false },
};

/** Runs the selected ones (in the order above); skipped with a finding when PostgreSQL or Redis is missing. */
export async function pastOneMachineBenchmarks(
  selected: Set<string>,
  report: Report,
  quick: boolean,
  findings: string[],
): Promise<void> {
  for (const [name, { run, redis }] of Object.entries(PAST_ONE_MACHINE)) {
    if (!selected.has(name)) continue;
    const skip = POSTGRES_SKIP_REASON ?? (redis ? REDIS_SKIP_REASON : null);
    if (skip) {
      findings.push(`${name} skipped: ${skip}`);
      continue;
    }
    await run(report, quick, findings);
  }
}
