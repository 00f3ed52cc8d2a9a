/** The editor benchmark's Markdown: one table per document, and its place in bench/README.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { markdownTable } from '../lib/report.js';
import type { Cell } from '../lib/report.js';
import type { SessionResult } from './session.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
export const START_MARK = '<!-- editor-bench:start -->';
export const END_MARK = '<!-- editor-bench:end -->';
const LONG_TASK_MS = 50;

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** Event Timing reports only durations ≥ 16 ms: below that the value is shown as `<16`. */
function eventMs(value: number): string {
  return value < 16 ? '<16' : String(Math.round(value));
}

const ms = (value: number): string => (Number.isFinite(value) ? String(Math.round(value)) : '—');
const mib = (bytes: number): string => (bytes / 1024 ** 2).toFixed(0);

interface Row {
  label: string;
  value: (r: SessionResult) => number;
  show: (value: number) => string;
}

const ROWS: Row[] = [
  { label: 'keystroke Event Timing p50 (ms)', value: (r) => percentile(r.keystrokes, 50), show: eventMs },
  { label: 'keystroke Event Timing p95 (ms)', value: (r) => percentile(r.keystrokes, 95), show: eventMs },
  { label: 'keystroke Event Timing max (ms)', value: (r) => Math.max(...r.keystrokes), show: eventMs },
  { label: 'main-thread time per key (ms)', value: (r) => r.mainThreadMsPerKey, show: (v) => v.toFixed(1) },
  {
    label: `long tasks > ${LONG_TASK_MS} ms while typing`,
    value: (r) => r.longTasks.filter((d) => d > LONG_TASK_MS).length,
    show: String,
  },
  {
    label: 'long tasks while typing (all ≥ 50 ms, total ms)',
    value: (r) => r.longTasks.reduce((a, b) => a + b, 0),
    show: ms,
  },
  { label: 'React commits while typing (200 keys)', value: (r) => r.commits, show: String },
  { label: 'longest task while typing (ms)', value: (r) => Math.max(0, ...r.longTasks), show: ms },
  {
    label: '条 / new section until renumbered and painted, median of 3 (ms)',
    value: (r) => percentile(r.insertMs, 50),
    show: ms,
  },
  { label: 'open: text shown (+ connected) (ms)', value: (r) => r.openMs, show: ms },
  { label: 'renderer JS heap after open (MiB)', value: (r) => r.heapAfterOpen, show: mib },
  { label: 'renderer JS heap after typing and inserting (MiB)', value: (r) => r.heapAfterTyping, show: mib },
];

/** One table: a row per metric, a column per editor, and product ÷ plain for the last product column. */
export function resultTable(columns: { name: string; result: SessionResult }[], plainName: string): string {
  const plain = columns.find((c) => c.name === plainName);
  const product = [...columns].reverse().find((c) => c.name !== plainName);
  const headers = ['', ...columns.map((c) => c.name), ...(plain && product ? [`${product.name} ÷ plain`] : [])];
  const rows: Cell[][] = ROWS.map((row) => {
    const cells: Cell[] = [row.label, ...columns.map((c) => row.show(row.value(c.result)))];
    if (plain && product) {
      const a = row.value(product.result);
      const b = row.value(plain.result);
      cells.push(b > 0 && Number.isFinite(a) && Number.isFinite(b) ? `${(a / b).toFixed(2)}×` : '—');
    }
    return cells;
  });
  return markdownTable(headers, rows);
}

/** Replaces the generated part of the README's "Editor at 100 pages" section. */
export function writeReadme(markdown: string): void {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(START_MARK);
  const end = readme.indexOf(END_MARK);
  if (start < 0 || end < start) {
    console.warn(`bench/README.md has no ${START_MARK} … ${END_MARK} block: results not written there.`);
    return;
  }
  writeFileSync(README, `${readme.slice(0, start + START_MARK.length)}\n${markdown}\n${readme.slice(end)}`);
}
