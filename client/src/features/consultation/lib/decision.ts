/** The handling of one comment: 采纳 / 部分采纳 / 不采纳, or still open. */
import { updateItemBody } from '@shared/validation/consultation';
import type { Decision } from '@shared/domain/consultation';

/** A decision or `open` (未处理): the values of the decision filter and the decide form. */
export type DecisionKey = Decision | 'open';

export const DECISION_KEYS: readonly DecisionKey[] = ['accepted', 'partly-accepted', 'rejected', 'open'];

export function decisionKey(decision: Decision | null): DecisionKey {
  return decision ?? 'open';
}

export function decisionOf(key: DecisionKey): Decision | null {
  return key === 'open' ? null : key;
}

export const DECISION_COLORS: Record<DecisionKey, string> = {
  accepted: 'green',
  'partly-accepted': 'gold',
  rejected: 'red',
  open: 'default',
};

/** True when the shared schema refuses the reason for this decision (部分采纳 and 不采纳 need one). */
export function reasonMissing(key: DecisionKey | undefined, reason: string | undefined): boolean {
  if (key === undefined) return false;
  const result = updateItemBody.safeParse({ decision: decisionOf(key), reason: reason ?? '' });
  return !result.success && result.error.issues.some((issue) => issue.path[0] === 'reason');
}
