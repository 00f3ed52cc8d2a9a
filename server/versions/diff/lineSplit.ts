/**
 * Cuts the segments of a part's difference (its lines joined with `\n`) back into lines, each with
 * the role (title, paragraph, note …) of the line it comes from: the newer state's line when any of
 * its text is kept or inserted, else the older state's (a deleted paragraph).
 */
import type { DiffLine, DiffSegment } from '@shared/api/versionDiff.js';
import type { PartLine } from './documentParts.js';

export function splitLines(
  segments: readonly DiffSegment[],
  fromLines: readonly PartLine[],
  toLines: readonly PartLine[],
): DiffLine[] {
  const lines: DiffLine[] = [];
  let fromIndex = 0;
  let toIndex = 0;
  let current: DiffSegment[] = [];
  let start = { from: 0, to: 0 };
  let closedBy: DiffSegment['op'] | null = null;

  const close = (): void => {
    if (current.length === 0 && closedBy === 'delete') {
      // An empty paragraph that was deleted: nothing to show.
      start = { from: fromIndex, to: toIndex };
      return;
    }
    const fromNewer = current.some((s) => s.op !== 'delete') || closedBy === 'equal' || closedBy === 'insert';
    const source = fromNewer ? toLines[start.to] : fromLines[start.from];
    const line: DiffLine = { role: source?.role ?? 'text', segments: current };
    if (source?.field) line.field = source.field;
    lines.push(line);
    current = [];
    start = { from: fromIndex, to: toIndex };
  };
  const add = (segment: DiffSegment, text: string): void => {
    if (!text) return;
    const last = current[current.length - 1];
    if (last && last.op === segment.op && last.by === segment.by) last.text += text;
    else current.push({ ...segment, text });
  };

  for (const segment of segments) {
    const parts = segment.text.split('\n');
    parts.forEach((text, i) => {
      if (i > 0) {
        if (segment.op !== 'insert') fromIndex += 1;
        if (segment.op !== 'delete') toIndex += 1;
        closedBy = segment.op;
        close();
        closedBy = null;
      }
      add(segment, text);
    });
  }
  const remaining = Math.max(fromLines.length - fromIndex, toLines.length - toIndex);
  if (current.length > 0 || remaining > 0) close();
  return lines;
}
