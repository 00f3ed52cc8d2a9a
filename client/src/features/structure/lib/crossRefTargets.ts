/** What a cross-reference can point at, from a numbering: the picker's list. */
import type { NumberedItem, Numbering } from '@shared/editor/structure/numberingTypes';

export const TARGET_GROUPS = ['section', 'table', 'figure', 'annex', 'term', 'reference'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export interface CrossRefTarget {
  id: string;
  label: string;
  title: string;
  group: TargetGroup;
  depth: number;
}

function groupOf(item: NumberedItem): TargetGroup {
  switch (item.kind) {
    case 'chapter':
    case 'clause':
      return 'section';
    default:
      return item.kind;
  }
}

/** Every numbered node with an id, in document order. */
export function crossRefTargets(numbering: Numbering): CrossRefTarget[] {
  const targets: CrossRefTarget[] = [];
  const seen = new Set<string>();
  for (const entry of numbering.sequence) {
    const item = entry.item;
    if (!item?.id || seen.has(item.id) || !item.label) continue;
    seen.add(item.id);
    targets.push({ id: item.id, label: item.label, title: item.title, group: groupOf(item), depth: item.depth });
  }
  return targets;
}

/** How well a target matches: its label exactly, its label's start, anywhere (lower is better). */
function rank(target: CrossRefTarget, needle: string): number {
  const label = target.label.toLowerCase();
  if (label === needle) return 0;
  if (label.startsWith(needle)) return 1;
  return 2;
}

/**
 * Targets of `group` (or all) whose label or title contains the query (case-insensitive); label
 * matches first, otherwise in document order.
 */
export function filterTargets(
  targets: readonly CrossRefTarget[],
  query: string,
  group: TargetGroup | 'all',
): CrossRefTarget[] {
  const needle = query.trim().toLowerCase();
  const matching = targets.filter(
    (target) =>
      (group === 'all' || target.group === group) &&
      (!needle || target.label.toLowerCase().includes(needle) || target.title.toLowerCase().includes(needle)),
  );
  return needle
    ? matching
        .map((target, index) => ({ target, index, rank: rank(target, needle) }))
        .sort((a, b) => a.rank - b.rank || a.index - b.index)
        .map((m) => m.target)
    : matching;
}
