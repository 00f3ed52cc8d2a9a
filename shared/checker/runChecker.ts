/**
 * Runs the drafting checker: every rule of the table that applies to the document's kind, over one
 * indexing of the document. Pure (no clock, no I/O): the caller stamps `checkedAt`.
 */
import type { DocumentKind } from '../domain/project.js';
import type { ProseMirrorJSON } from '../editor/yjsContent.js';
import { createContext } from './context.js';
import { RULES } from './rules/index.js';
import type { CheckResult, Finding, Rule } from './types.js';

interface Ranked {
  finding: Finding;
  order: number;
  rule: number;
  hit: number;
}

/** Checks `doc` (ProseMirror JSON) as a document of `kind`; findings in document order. */
export function runChecker(doc: ProseMirrorJSON, kind: DocumentKind, rules: readonly Rule[] = RULES): CheckResult {
  const ctx = createContext(doc, kind);
  const ranked: Ranked[] = [];
  rules.forEach((rule, ruleIndex) => {
    if (!rule.appliesTo.includes(kind)) return;
    rule.check(ctx).forEach((hit, hitIndex) => {
      const finding: Finding = {
        ruleId: rule.id,
        severity: rule.severity,
        message: rule.message(hit.params),
        nodeId: hit.location.nodeId,
        clauseLabel: hit.location.clauseLabel,
      };
      if (hit.excerpt !== undefined) finding.excerpt = hit.excerpt;
      if (hit.fix !== undefined) finding.fix = hit.fix;
      ranked.push({ finding, order: hit.location.order, rule: ruleIndex, hit: hitIndex });
    });
  });
  ranked.sort((a, b) => a.order - b.order || a.rule - b.rule || a.hit - b.hit);
  const findings = ranked.map((r) => r.finding);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { findings, counts: { errors, warnings: findings.length - errors } };
}
