/**
 * What makes renumbering incremental: the numbering of a section's subtree (chapter, clause, annex)
 * is a function of the subtree and of the walker's state when it reaches it — the section's own
 * label, its enclosing sections, and the document-wide counters (chapters, annexes, tables and
 * figures per annex). `NumberingMemo` remembers, per section node, that state and what the walk of
 * the subtree produced (its sequence, outline and note entries, and the counters after it). A
 * section node met again (documents share unchanged subtrees between versions) with the same state
 * is not walked: its entries — the same objects — are appended and the counters set. So after a
 * change only the changed section and the sections whose numbers it shifts are walked, and the
 * result is exactly that of a full walk.
 *
 * A memo is keyed by node identity (a WeakMap: a node that no document uses any more is dropped
 * with its entries). Only the editor uses one (ProseMirror nodes are immutable and shared); the
 * server numbers fresh JSON and walks everything.
 */
import type { LabelledNode, NoteLabel, NumberedItem } from './numberingTypes.js';

/** The document-wide counters of the walk. */
export interface WalkCounters {
  chapters: number;
  annexes: number;
  /** Per annex letter (`''` in the body). */
  tables: ReadonlyMap<string, number>;
  figures: ReadonlyMap<string, number>;
}

/** Everything a section's subtree numbering depends on besides the subtree itself. */
export interface SectionInput {
  kind: string;
  /** The label, or the annex letter. */
  labelOrLetter: string;
  /** Depth of the enclosing scope. */
  depth: number;
  /** Id of the enclosing section (null at the root). */
  parentId: string | null;
  /** Ids of the enclosing sections. */
  path: readonly string[];
  annexLetter: string | null;
  counters: WalkCounters;
}

/** What walking a section's subtree produced. */
export interface SectionOutput {
  sequence: readonly LabelledNode[];
  outline: readonly NumberedItem[];
  notes: readonly NoteLabel[];
  countersAfter: WalkCounters;
}

interface MemoEntry {
  input: SectionInput;
  output: SectionOutput;
}

function sameMap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}

export function sameCounters(a: WalkCounters, b: WalkCounters): boolean {
  return (
    a.chapters === b.chapters && a.annexes === b.annexes && sameMap(a.tables, b.tables) && sameMap(a.figures, b.figures)
  );
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((id, i) => id === b[i]));
}

function sameInput(a: SectionInput, b: SectionInput): boolean {
  return (
    a.kind === b.kind &&
    a.labelOrLetter === b.labelOrLetter &&
    a.depth === b.depth &&
    a.parentId === b.parentId &&
    a.annexLetter === b.annexLetter &&
    samePath(a.path, b.path) &&
    sameCounters(a.counters, b.counters)
  );
}

/** One section met by the last walk, in walk order (sections inside a reused one are not met). */
export interface VisitedSection {
  /** Its entries were taken from the memo (the subtree was not walked). */
  reused: boolean;
  /** Its number of sequence entries (itself and everything in its subtree). */
  entries: number;
}

export class NumberingMemo<N extends object> {
  private readonly entries = new WeakMap<N, MemoEntry>();
  /** The sections the last walk met, in order (see VisitedSection). */
  visited: VisitedSection[] = [];

  lookup(node: N, input: SectionInput): SectionOutput | null {
    const entry = this.entries.get(node);
    return entry && sameInput(entry.input, input) ? entry.output : null;
  }

  remember(node: N, input: SectionInput, output: SectionOutput): void {
    this.entries.set(node, { input, output });
  }
}
