/** Findings counted by rule (the panel's small table), and filtering by severity/rule. */
import type { Finding, LocalizedText, Severity } from '@shared/checker/types';
import { ruleById } from '@shared/checker/rules/index';

export interface RuleCount {
  ruleId: string;
  severity: Severity;
  title: LocalizedText;
  count: number;
}

/** One row per rule that has findings: errors first, then by count. */
export function ruleSummary(findings: readonly Finding[]): RuleCount[] {
  const rows = new Map<string, RuleCount>();
  for (const finding of findings) {
    const row = rows.get(finding.ruleId);
    if (row) {
      row.count += 1;
      continue;
    }
    const title = ruleById(finding.ruleId)?.title ?? { zh: finding.ruleId, en: finding.ruleId };
    rows.set(finding.ruleId, { ruleId: finding.ruleId, severity: finding.severity, title, count: 1 });
  }
  return [...rows.values()].sort((a, b) =>
    a.severity === b.severity ? b.count - a.count || a.ruleId.localeCompare(b.ruleId) : a.severity === 'error' ? -1 : 1,
  );
}

export type SeverityFilter = Severity | 'all';

export function filterFindings(
  findings: readonly Finding[],
  severity: SeverityFilter,
  ruleId: string | null,
): Finding[] {
  return findings.filter(
    (f) => (severity === 'all' || f.severity === severity) && (ruleId === null || f.ruleId === ruleId),
  );
}

/** The text of the current UI language (an app-wide helper, re-exported for the checker's modules). */
export { localized } from '../../../lib/localized';
