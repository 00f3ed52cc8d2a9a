import type { Finding } from '@shared/checker/types';
import { withKeys } from '../../../lib/listKeys';
import type { Keyed } from '../../../lib/listKeys';

/** What identifies a finding between checks: its rule, node and message. */
export function findingIdentity(finding: Finding): string {
  return `${finding.ruleId}:${finding.nodeId ?? ''}:${finding.message.en}`;
}

/** Findings with React keys from what a finding says (rule, node, message). */
export function keyedFindings(findings: readonly Finding[]): Keyed<Finding>[] {
  return withKeys(findings, findingIdentity);
}
