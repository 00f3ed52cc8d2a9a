/**
 * The checker's findings stay exactly what they were (issue 11: making the rules linear changes no
 * finding): the demo documents as the seed builds them (the main project's and a standard fresh
 * from the template), the generated 100-page standard and the
 * duplicated worst case are checked against the findings recorded in `golden/` before the rules
 * were rewritten. `UPDATE_GOLDEN=1 npx vitest run test/checker/golden.test.ts` records them anew —
 * only when a rule's behaviour is meant to change.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChecker } from '@shared/checker/runChecker.js';
import type { Finding } from '@shared/checker/types.js';
import type { DocumentKind } from '@shared/domain/project.js';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { buildDuplicatedStandard, buildLargeStandard } from '../../bench/lib/largeStandard.js';
import { demoProjects } from '../../server/seed/demo/index.js';

interface GoldenCase {
  name: string;
  kind: DocumentKind;
  build: () => ProseMirrorJSON;
}

/** A document of a demo project: the complete main one (0) or the one fresh from the templates (1). */
function demoContent(kind: DocumentKind, projectIndex = 0): ProseMirrorJSON {
  const project = demoProjects[projectIndex];
  if (!project) throw new Error('no demo project');
  return project.content[kind];
}

const CASES: readonly GoldenCase[] = [
  { name: 'demo-standard', kind: 'standard', build: () => demoContent('standard') },
  { name: 'demo-explanation', kind: 'explanation', build: () => demoContent('explanation') },
  { name: 'demo-application-report', kind: 'application-report', build: () => demoContent('application-report') },
  { name: 'template-standard', kind: 'standard', build: () => demoContent('standard', 1) },
  { name: 'large-standard', kind: 'standard', build: buildLargeStandard },
  { name: 'duplicated-standard', kind: 'standard', build: buildDuplicatedStandard },
];

const goldenPath = (name: string): string => new URL(`./golden/${name}.json`, import.meta.url).pathname;

describe('checker golden findings', () => {
  for (const c of CASES) {
    it(`${c.name}: the findings are the recorded ones`, () => {
      const findings = runChecker(c.build(), c.kind).findings;
      const path = goldenPath(c.name);
      if (process.env.UPDATE_GOLDEN === '1') {
        writeFileSync(path, `${JSON.stringify(findings, null, 1)}\n`);
      }
      expect(existsSync(path), `${path} missing: record it with UPDATE_GOLDEN=1`).toBe(true);
      const golden = JSON.parse(readFileSync(path, 'utf8')) as Finding[];
      expect(findings).toEqual(golden);
    });
  }

  it('the generated standards give the checker something to report', () => {
    for (const name of ['large-standard', 'duplicated-standard']) {
      const golden = JSON.parse(readFileSync(goldenPath(name), 'utf8')) as Finding[];
      const rules = new Set(golden.map((f) => f.ruleId));
      expect(rules.has('requirements.untested'), name).toBe(true);
      expect(rules.size, name).toBeGreaterThanOrEqual(3);
    }
  });
});
