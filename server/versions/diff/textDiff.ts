/**
 * The difference of two texts of a part (its lines joined with `\n`), as runs kept, inserted or
 * deleted, each inserted or deleted run attributed through the Yjs items that hold its characters:
 * inserted text to whoever inserted those items, deleted text to whoever deleted them.
 *
 * Compared by jsdiff on tokens that read well in a standard: a number or a Latin word ("0.35",
 * "GB/T", "IPX4") is one token, every other character (Chinese, punctuation, atoms) its own.
 */
import { Diff } from 'diff';
import type { ChangeObject } from 'diff';
import type { DiffOp, DiffSegment } from '@shared/api/versionDiff.js';
import type { AuthorRun } from './changeAuthors.js';
import type { ItemSpan } from './yjsTree.js';

export interface SideText {
  text: string;
  spans: readonly ItemSpan[];
}

type Lookup = (client: number, clock: number, length: number) => AuthorRun[];

export interface Attribution {
  inserted: Lookup;
  deleted: Lookup;
}

/** A run whose author is `undefined` is not held by any item (a line break, a note marker). */
interface Piece {
  op: DiffOp;
  text: string;
  by: string | null | undefined;
}

const TOKEN = /[A-Za-z0-9]+(?:[.,/-][A-Za-z0-9]+)*|[\s\S]/gu;

class StandardTextDiff extends Diff<string, string> {
  override tokenize(value: string): string[] {
    return value.match(TOKEN) ?? [];
  }

  override join(tokens: string[]): string {
    return tokens.join('');
  }

  override removeEmpty(tokens: string[]): string[] {
    return tokens.filter((token) => token.length > 0);
  }
}

const differ = new StandardTextDiff();

/** Beyond this many edits between two texts, the part reads as replaced (a rewrite, not an edit). */
const MAX_EDIT_LENGTH = 4000;

function compare(before: string, after: string): ChangeObject<string>[] {
  if (before === after) return before ? [{ value: before, count: 1, added: false, removed: false }] : [];
  if (!before) return [{ value: after, count: 1, added: true, removed: false }];
  if (!after) return [{ value: before, count: 1, added: false, removed: true }];
  const changes = differ.diff(before, after, { maxEditLength: MAX_EDIT_LENGTH });
  return (
    changes ?? [
      { value: before, count: 1, added: false, removed: true },
      { value: after, count: 1, added: true, removed: false },
    ]
  );
}

/** Runs of `side.text[start, end)` by author (`undefined` where no item holds the characters). */
function authorsOf(
  side: SideText,
  start: number,
  end: number,
  lookup: Lookup,
): { length: number; by: string | null | undefined }[] {
  const runs: { length: number; by: string | null | undefined }[] = [];
  const push = (length: number, by: string | null | undefined): void => {
    if (length <= 0) return;
    const last = runs[runs.length - 1];
    if (last && last.by === by) last.length += length;
    else runs.push({ length, by });
  };
  const spans = side.spans;
  let lo = 0;
  let hi = spans.length - 1;
  let first = spans.length;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (span.offset + span.length > start) {
      first = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  let at = start;
  for (let i = first; i < spans.length && at < end; i++) {
    const span = spans[i]!;
    if (span.offset >= end) break;
    if (span.offset > at) {
      push(span.offset - at, undefined);
      at = span.offset;
    }
    const upTo = Math.min(span.offset + span.length, end);
    if (span.single) {
      push(upTo - at, lookup(span.client, span.clock, 1)[0]?.userId ?? null);
    } else {
      for (const run of lookup(span.client, span.clock + (at - span.offset), upTo - at)) push(run.length, run.userId);
    }
    at = upTo;
  }
  push(end - at, undefined);
  return runs;
}

function attributed(op: DiffOp, side: SideText, start: number, value: string, lookup: Lookup): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const run of authorsOf(side, start, start + value.length, lookup)) {
    pieces.push({ op, text: value.slice(at, at + run.length), by: run.by });
    at += run.length;
  }
  // Characters no item holds (line breaks, markers) belong to the change they are part of.
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.by !== undefined) continue;
    piece.by = pieces[i - 1]?.by ?? pieces.slice(i + 1).find((p) => p.by !== undefined)?.by ?? null;
  }
  return pieces;
}

/** The only author of a run of pieces, else null. */
function soleAuthor(pieces: readonly Piece[]): string | null {
  const authors = new Set(pieces.map((p) => p.by ?? null));
  const [only] = authors;
  return authors.size === 1 && only ? only : null;
}

/**
 * Segments of the difference from `before` to `after`, `\n` kept in them (the caller cuts lines).
 * Deleted text the record does not say who deleted (jsdiff aligned it on other characters than the
 * ones that were really deleted) is given to the author of the insertion that replaced it.
 */
export function diffSegments(before: SideText, after: SideText, attribution: Attribution): DiffSegment[] {
  const changes = compare(before.text, after.text);
  const groups: Piece[][] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const change of changes) {
    if (change.added) {
      groups.push(attributed('insert', after, newAt, change.value, attribution.inserted));
      newAt += change.value.length;
    } else if (change.removed) {
      groups.push(attributed('delete', before, oldAt, change.value, attribution.deleted));
      oldAt += change.value.length;
    } else {
      groups.push([{ op: 'equal', text: change.value, by: undefined }]);
      oldAt += change.value.length;
      newAt += change.value.length;
    }
  }
  groups.forEach((group, index) => {
    if (group[0]?.op !== 'delete' || !group.some((p) => p.by === null)) return;
    const neighbour = [groups[index + 1], groups[index - 1]].find((g) => g?.[0]?.op === 'insert');
    const replacer = neighbour ? soleAuthor(neighbour) : null;
    if (replacer) for (const piece of group) piece.by ??= replacer;
  });
  const segments: DiffSegment[] = [];
  for (const piece of groups.flat()) {
    if (!piece.text) continue;
    const by = piece.op === 'equal' ? undefined : (piece.by ?? null);
    const last = segments[segments.length - 1];
    if (last && last.op === piece.op && last.by === by) last.text += piece.text;
    else segments.push(by === undefined ? { op: piece.op, text: piece.text } : { op: piece.op, text: piece.text, by });
  }
  return segments;
}
