/**
 * The difference of two documents cut into parts: parts are matched by key (stable id, or cover /
 * foreword / bibliography); each matched part's lines are compared as one text, table cells by their
 * stable ids. The result lists every part of the newer state in order, with the parts only the older
 * state had placed after the part they followed there.
 */
import { diffArrays } from 'diff';
import type {
  DiffCell,
  DiffLine,
  DiffPart,
  DiffSegment,
  DiffStatus,
  IndicatorChange,
} from '@shared/api/versionDiff.js';
import type { DocumentPart, DocumentParts, PartCell, PartLine } from './documentParts.js';
import { splitLines } from './lineSplit.js';
import { diffSegments } from './textDiff.js';
import type { Attribution, SideText } from './textDiff.js';
import type { TokenMeaning, TokenTable } from './tokens.js';

export interface DiffInput {
  from: DocumentParts;
  to: DocumentParts;
  tokens: TokenTable;
  attribution: Attribution;
  resolveFrom: (meaning: TokenMeaning) => string;
  resolveTo: (meaning: TokenMeaning) => string;
  /** Cell ids that an indicator link (关联指标) of the project points at. */
  linkedCells: ReadonlySet<string>;
}

export interface PartsDiff {
  parts: DiffPart[];
  indicators: IndicatorChange[];
}

const FIXED_LABELS: Record<string, string> = {
  cover: '封面',
  foreword: '前言',
  bibliography: '参考文献',
  text: '正文',
};

const EMPTY_SIDE: SideText = { text: '', spans: [] };

function joined(lines: readonly PartLine[]): SideText {
  let text = '';
  const spans: SideText['spans'][number][] = [];
  lines.forEach((line, i) => {
    if (i > 0) text += '\n';
    for (const span of line.spans) spans.push({ ...span, offset: span.offset + text.length });
    text += line.text;
  });
  return { text, spans };
}

function sameLines(a: readonly PartLine[], b: readonly PartLine[]): boolean {
  return a.length === b.length && a.every((line, i) => line.text === b[i]!.text && line.role === b[i]!.role);
}

class PartsDiffer {
  private readonly indicators: IndicatorChange[] = [];

  constructor(private readonly input: DiffInput) {}

  private render(segments: DiffSegment[]): DiffSegment[] {
    const { tokens, resolveFrom, resolveTo } = this.input;
    return segments
      .map((s) => ({ ...s, text: tokens.render(s.text, s.op === 'delete' ? resolveFrom : resolveTo) }))
      .filter((s) => s.text.length > 0);
  }

  private renderLines(lines: DiffLine[]): DiffLine[] {
    return lines.map((line) => ({ ...line, segments: this.render(line.segments) }));
  }

  private lines(before: readonly PartLine[], after: readonly PartLine[]): DiffLine[] {
    if (sameLines(before, after)) {
      return this.renderLines(
        after.map((line) => ({
          role: line.role,
          ...(line.field ? { field: line.field } : {}),
          segments: line.text ? [{ op: 'equal' as const, text: line.text }] : [],
        })),
      );
    }
    const segments = diffSegments(joined(before), joined(after), this.input.attribution);
    return this.renderLines(splitLines(segments, before, after));
  }

  private cell(before: PartCell | null, after: PartCell | null, place: string): DiffCell {
    const shape = after ?? before!;
    const segments = this.render(
      diffSegments(before?.line ?? EMPTY_SIDE, after?.line ?? EMPTY_SIDE, this.input.attribution),
    );
    const status: DiffStatus = !before ? 'inserted' : !after ? 'deleted' : statusOf(segments);
    return {
      cellId: shape.cellId,
      header: shape.header,
      colspan: shape.colspan,
      rowspan: shape.rowspan,
      status,
      place,
      segments,
    };
  }

  private placeOf(cellId: string | null, fallback: string): string {
    if (!cellId) return fallback;
    return this.input.to.cells[cellId]?.place ?? this.input.from.cells[cellId]?.place ?? fallback;
  }

  private rows(before: DocumentPart | undefined, after: DocumentPart | undefined, tableLabel: string): DiffCell[][] {
    const oldRows = before?.rows ?? [];
    const newRows = after?.rows ?? [];
    const oldCells = new Map<string, PartCell>();
    for (const row of oldRows) for (const cell of row) if (cell.cellId) oldCells.set(cell.cellId, cell);
    const newIds = new Set<string>();
    for (const row of newRows) for (const cell of row) if (cell.cellId) newIds.add(cell.cellId);

    const rows: DiffCell[][] = newRows.map((row, r) =>
      row.map((cell, c) => {
        const old = cell.cellId ? (oldCells.get(cell.cellId) ?? null) : (oldRows[r]?.[c] ?? null);
        return this.cell(old, cell, this.placeOf(cell.cellId, tableLabel));
      }),
    );
    // Rows only the older table had, after the row that held the cell before them; cells removed
    // from a row that stays, at their old column.
    const inserted: { after: number; row: DiffCell[] }[] = [];
    let anchor = -1;
    oldRows.forEach((row) => {
      const alive = row.filter((cell) => cell.cellId && newIds.has(cell.cellId));
      if (alive.length === 0 && row.some((cell) => cell.cellId)) {
        inserted.push({
          after: anchor,
          row: row.map((cell) => this.cell(cell, null, this.placeOf(cell.cellId, tableLabel))),
        });
        return;
      }
      const at = newRows.findIndex((newRow) => newRow.some((cell) => cell.cellId === alive[0]?.cellId));
      if (at >= 0) anchor = at;
      row.forEach((cell, c) => {
        if (!cell.cellId || newIds.has(cell.cellId) || at < 0) return;
        const target = rows[at]!;
        target.splice(Math.min(c, target.length), 0, this.cell(cell, null, this.placeOf(cell.cellId, tableLabel)));
      });
    });
    for (const { after: index, row } of inserted.reverse()) rows.splice(index + 1, 0, row);
    return rows;
  }

  private noteIndicators(part: DiffPart): void {
    for (const row of part.rows ?? []) {
      for (const cell of row) {
        if (!cell.cellId || cell.status === 'unchanged' || !this.input.linkedCells.has(cell.cellId)) continue;
        this.indicators.push({
          cellId: cell.cellId,
          tableId: part.clauseId ?? part.key,
          place: cell.place,
          before: cell.segments
            .filter((s) => s.op !== 'insert')
            .map((s) => s.text)
            .join(''),
          after: cell.segments
            .filter((s) => s.op !== 'delete')
            .map((s) => s.text)
            .join(''),
          authors: authorsOf([cell.segments]),
        });
      }
    }
  }

  part(before: DocumentPart | undefined, after: DocumentPart | undefined, moved: boolean): DiffPart {
    const shape = (after ?? before)!;
    const fromItem = shape.clauseId ? this.input.from.numbering.byId[shape.clauseId] : undefined;
    const toItem = shape.clauseId ? this.input.to.numbering.byId[shape.clauseId] : undefined;
    const fixed = FIXED_LABELS[shape.kind];
    const fromLabel = before ? (fixed ?? fromItem?.label ?? null) : null;
    const toLabel = after ? (fixed ?? toItem?.label ?? null) : null;
    const lines = this.lines(before?.lines ?? [], after?.lines ?? []);
    const label = toLabel ?? fromLabel ?? '';
    const rows = shape.kind === 'table' ? this.rows(before, after, label) : undefined;
    const changed =
      lines.some((line) => line.segments.some((s) => s.op !== 'equal')) ||
      (rows ?? []).some((row) => row.some((cell) => cell.status !== 'unchanged'));
    const status: DiffStatus = !before ? 'inserted' : !after ? 'deleted' : changed ? 'changed' : 'unchanged';
    const result: DiffPart = {
      key: shape.key,
      clauseId: shape.clauseId,
      kind: shape.kind,
      label,
      fromLabel,
      toLabel,
      title: this.input.tokens.render(
        (toItem ?? fromItem)?.title ?? '',
        after ? this.input.resolveTo : this.input.resolveFrom,
      ),
      depth: (toItem ?? fromItem)?.depth ?? 1,
      status,
      moved,
      lines,
      authors: authorsOf([...lines.map((l) => l.segments), ...(rows ?? []).flat().map((cell) => cell.segments)]),
    };
    if (rows) {
      result.rows = rows;
      this.noteIndicators(result);
    }
    return result;
  }

  result(parts: DiffPart[]): PartsDiff {
    return { parts, indicators: this.indicators };
  }
}

function statusOf(segments: readonly DiffSegment[]): DiffStatus {
  return segments.some((s) => s.op !== 'equal') ? 'changed' : 'unchanged';
}

function authorsOf(segmentLists: readonly (readonly DiffSegment[])[]): string[] {
  const authors: string[] = [];
  for (const segments of segmentLists) {
    for (const segment of segments) {
      if (segment.by && !authors.includes(segment.by)) authors.push(segment.by);
    }
  }
  return authors;
}

/** Keys present in both states that stand elsewhere: under another parent, or out of their old order. */
function movedKeys(from: DocumentParts, to: DocumentParts): Set<string> {
  const common = (parts: DocumentParts, other: DocumentParts): string[] =>
    parts.parts.filter((p) => other.byKey.has(p.key)).map((p) => p.key);
  const moved = new Set<string>();
  for (const change of diffArrays(common(from, to), common(to, from))) {
    if (change.added) for (const key of change.value) moved.add(key);
  }
  for (const part of to.parts) {
    const old = from.byKey.get(part.key);
    if (old && old.parentKey !== part.parentKey) moved.add(part.key);
  }
  return moved;
}

export function diffParts(input: DiffInput): PartsDiff {
  const { from, to } = input;
  const differ = new PartsDiffer(input);
  const moved = movedKeys(from, to);
  // Parts only the older state had, grouped by the key of the part they followed there.
  const removedAfter = new Map<string | null, DocumentPart[]>();
  let anchor: string | null = null;
  for (const part of from.parts) {
    if (to.byKey.has(part.key)) {
      anchor = part.key;
      continue;
    }
    const list = removedAfter.get(anchor) ?? [];
    list.push(part);
    removedAfter.set(anchor, list);
  }
  const parts: DiffPart[] = [];
  const emitRemoved = (key: string | null): void => {
    for (const part of removedAfter.get(key) ?? []) parts.push(differ.part(part, undefined, false));
  };
  emitRemoved(null);
  for (const part of to.parts) {
    parts.push(differ.part(from.byKey.get(part.key), part, moved.has(part.key)));
    emitRemoved(part.key);
  }
  return differ.result(parts);
}
