import type { Finding } from '@shared/checker/types';
import { withKeys } from '../../../lib/listKeys';
import type { Keyed } from '../../../lib/listKeys';

/** Findings with React keys from what a finding says (rule, node, message). */
export function keyedFindings(findings: readonly Finding[]): Keyed<Finding>[] {
  return withKeys(findings, (finding) => `${finding.ruleId}:${finding.nodeId ?? ''}:${finding.message.en}`);
}
