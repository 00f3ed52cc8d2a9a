/**
 * Time of each checker rule on the demo, the generated and the duplicated standard (best of
 * `RULE_TIMES_REPS` runs, default 5), as a Markdown table: `tsx bench/lib/largeStandard/ruleTimes.ts`.
 * Rules under 0.5 ms everywhere are left out.
 */
import { createContext } from '@shared/checker/context.js';
import { RULES } from '@shared/checker/rules/index.js';
import { runChecker } from '@shared/checker/runChecker.js';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { buildDuplicatedStandard, demoStandard } from './duplicated.js';
import { buildLargeStandard } from './generated.js';

const REPS = Number(process.env.RULE_TIMES_REPS ?? 5);
const CONTEXT = 'context (indexing)';
const TOTAL = 'runChecker (total)';

/** Milliseconds of each step on one document, best of `REPS`. */
function timesOf(doc: ProseMirrorJSON): Map<string, number> {
  const best = new Map<string, number>();
  const keep = (key: string, ms: number): void => {
    best.set(key, Math.min(best.get(key) ?? Number.POSITIVE_INFINITY, ms));
  };
  for (let rep = 0; rep < REPS; rep++) {
    let start = performance.now();
    const ctx = createContext(doc, 'standard');
    keep(CONTEXT, performance.now() - start);
    for (const rule of RULES) {
      if (!rule.appliesTo.includes('standard')) continue;
      start = performance.now();
      rule.check(ctx);
      keep(rule.id, performance.now() - start);
    }
    start = performance.now();
    runChecker(doc, 'standard');
    keep(TOTAL, performance.now() - start);
  }
  return best;
}

const columns = [timesOf(demoStandard()), timesOf(buildLargeStandard()), timesOf(buildDuplicatedStandard())];
console.log('| step | demo ms | large ms | duplicated ms |\n|---|---:|---:|---:|');
for (const key of columns[0]?.keys() ?? []) {
  const values = columns.map((c) => c.get(key) ?? 0);
  if (key !== TOTAL && Math.max(...values) < 0.5) continue;
  console.log(`| ${key} | ${values.map((v) => v.toFixed(1)).join(' | ')} |`);
}
