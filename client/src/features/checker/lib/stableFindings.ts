import type { Finding, FindingFix } from '@shared/checker/types';
import { findingIdentity } from './findingKeys';

function sameFix(a: FindingFix | undefined, b: FindingFix | undefined): boolean {
  if (!a || !b) return a === b;
  return a.type === b.type && (a.type !== 'insert-chapter' || (b.type === 'insert-chapter' && a.role === b.role));
}

function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.ruleId === b.ruleId &&
    a.severity === b.severity &&
    a.nodeId === b.nodeId &&
    a.clauseLabel === b.clauseLabel &&
    a.excerpt === b.excerpt &&
    a.message.zh === b.message.zh &&
    a.message.en === b.message.en &&
    sameFix(a.fix, b.fix)
  );
}

/**
 * `next` with every finding that says the same as one of `previous` replaced by that previous
 * object: the server sends the whole list after every check (every few seconds while people type),
 * and memoized rows then re-render only for findings that changed. The same list when nothing did.
 */
export function reuseFindings(previous: Finding[], next: Finding[]): Finding[] {
  if (previous.length === 0) return next;
  const byIdentity = new Map<string, Finding[]>();
  for (const finding of previous) {
    const key = findingIdentity(finding);
    const list = byIdentity.get(key);
    if (list) list.push(finding);
    else byIdentity.set(key, [finding]);
  }
  const reused = next.map((finding) => {
    const candidates = byIdentity.get(findingIdentity(finding));
    const index = candidates?.findIndex((old) => sameFinding(old, finding)) ?? -1;
    if (!candidates || index < 0) return finding;
    const [old] = candidates.splice(index, 1);
    return old ?? finding;
  });
  const unchanged = reused.length === previous.length && reused.every((finding, i) => finding === previous[i]);
  return unchanged ? previous : reused;
}
