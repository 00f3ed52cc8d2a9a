/**
 * The numbering decorations after a structural change, updated rather than rebuilt: the previous
 * set is mapped through the change, and only the decorations of sections the numbering walk did
 * not reuse (numberingMemo.ts) are replaced, plus cross-references whose target's label changed.
 * Sections whose numbers did not change keep their decorations (the same objects), so the view
 * compares and redraws only what changed. The result equals `numberingDecorations(after, next)`.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Decoration, DecorationSet } from '@tiptap/pm/view';
import { NODE, SECTION_NODE_TYPES } from './names.js';
import { crossRefLabel } from './numbering.js';
import type { Numbering } from './numberingTypes.js';
import type { VisitedSection } from './numberingMemo.js';
import { changeMapping, changedRange } from './textOnlyChange.js';
import {
  crossRefDecoration,
  decorateLabelledNode,
  decorateSubtree,
  isLabelledType,
  numberingDecorations,
} from './numberingDecorations.js';

const SECTIONS = new Set<string>(SECTION_NODE_TYPES);

/** Where a decoration is and what it shows (`spec.shows`, see numberingDecorations.ts). */
function signature(decoration: Decoration): string {
  const spec: { shows?: unknown } = decoration.spec;
  return `${decoration.from}:${decoration.to}:${String(spec.shows)}`;
}

/** Position ranges, sorted and disjoint, with a containment test. */
class Ranges {
  private readonly from: number[] = [];
  private readonly to: number[] = [];

  add(from: number, to: number): void {
    this.from.push(from);
    this.to.push(to);
  }

  /** [from, to] lies inside one of the ranges (ranges may touch: the last one starting at or before `from`). */
  contains(from: number, to: number): boolean {
    let low = 0;
    let high = this.from.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((this.from[mid] ?? 0) <= from) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found >= 0 && to <= (this.to[found] ?? 0);
  }
}

/**
 * `previous` (the decorations of `before` for `previousNumbering`) updated to `after` and `next`;
 * `visited` is what the walk that computed `next` reports (NumberingMemo.visited).
 */
export function updateNumberingDecorations(
  previous: DecorationSet,
  before: PMNode,
  after: PMNode,
  previousNumbering: Numbering,
  next: Numbering,
  visited: readonly VisitedSection[],
): DecorationSet {
  const range = changedRange(before, after);
  if (!range) return previous;
  const { start, endAfter } = range;
  const mapped = previous.map(changeMapping(range), after);

  const added: Decoration[] = [];
  const kept = new Ranges();
  let entry = 0;
  let section = 0;
  let consistent = true;
  const nextEntry = () => next.sequence[entry++];

  const walk = (parent: PMNode, contentStart: number): void => {
    parent.forEach((child, offset) => {
      const pos = contentStart + offset;
      const name = child.type.name;
      if (SECTIONS.has(name)) {
        const visit = visited[section++];
        if (!visit) {
          consistent = false;
          return;
        }
        if (visit.reused) {
          const end = pos + child.nodeSize;
          if (end <= start || pos >= endAfter) {
            kept.add(pos, end);
            entry += visit.entries;
          } else {
            // Reused but moved by the change: its decorations were dropped with the changed range.
            decorateSubtree(child, pos, next, nextEntry, added);
          }
          return;
        }
      }
      if (isLabelledType(name)) {
        const labelled = nextEntry();
        if (labelled) decorateLabelledNode(child, pos, labelled, next, added);
      } else if (name === NODE.crossRef) {
        added.push(crossRefDecoration(child, pos, next));
        return;
      }
      if (!child.isLeaf && !child.isText) walk(child, pos + 1);
    });
  };
  walk(after, 0);
  if (!consistent || section !== visited.length || entry !== next.sequence.length) {
    return numberingDecorations(after, next);
  }

  // What is shown again at the same place keeps its decoration: only real changes are replaced
  // (removing and adding cost the view in proportion to their number).
  const replaced = new Map<string, Decoration>();
  const removed: Decoration[] = [];
  for (const decoration of mapped.find()) {
    if (!kept.contains(decoration.from, decoration.to)) {
      replaced.set(signature(decoration), decoration);
      continue;
    }
    // Inside an unchanged section: only a cross-reference whose target's label changed.
    const spec: { crossRefTarget?: unknown } = decoration.spec;
    if (spec.crossRefTarget === undefined) continue;
    if (crossRefLabel(previousNumbering, spec.crossRefTarget) === crossRefLabel(next, spec.crossRefTarget)) continue;
    const node = after.nodeAt(decoration.from);
    removed.push(decoration);
    if (node && node.type.name === NODE.crossRef) added.push(crossRefDecoration(node, decoration.from, next));
  }
  const fresh = added.filter((decoration) => !replaced.delete(signature(decoration)));
  removed.push(...replaced.values());
  if (removed.length === 0 && fresh.length === 0) return mapped;
  return mapped.remove(removed).add(after, fresh);
}
