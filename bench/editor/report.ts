/** The editor benchmark's Markdown: one table per document, and its place in bench/README.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { markdownTable } from '../lib/report.js';
import type { Cell } from '../lib/report.js';
import type { MemoryResult, SessionResult } from './session.js';
import { STRUCTURE_OPS, STRUCTURE_OP_LABELS } from './structureOps.js';
import { CO_KEYS } from './coEditing.js';
import { IME_COMMITS, KEYS } from './typing.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
export const START_MARK = '<!-- editor-bench:start -->';
export const END_MARK = '<!-- editor-bench:end -->';
const LONG_TASK_MS = 50;

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

const median = (values: readonly number[]): number => percentile(values, 50);

/** Event Timing reports only durations ≥ 16 ms: below that the value is shown as `<16`. */
function eventMs(value: number): string {
  return !Number.isFinite(value) ? '—' : value < 16 ? '<16' : String(Math.round(value));
}

const ms = (value: number): string => (Number.isFinite(value) ? String(Math.round(value)) : '—');
const mib = (bytes: number): string => (Number.isFinite(bytes) && bytes > 0 ? (bytes / 1024 ** 2).toFixed(0) : '—');

/** What one editor gives for a document: the measurement sessions (repeats) and the memory run. */
export interface EditorColumn {
  name: string;
  sessions: SessionResult[];
  memory: MemoryResult | null;
}

interface Row {
  label: string;
  /** The row's value for one session (the column shows the median over sessions). */
  value?: (r: SessionResult) => number;
  /** Or a value from the memory run. */
  memory?: (m: MemoryResult) => number;
  show: (value: number) => string;
  /** Shown as a ratio of product to plain. */
  ratio?: boolean;
}

const ROWS: Row[] = [
  { label: 'open: text shown and connected (ms)', value: (r) => r.openMs, show: ms, ratio: true },
  { label: 'open: checker findings shown (ms)', value: (r) => r.findingsMs ?? Number.NaN, show: ms },
  {
    label: 'keystroke Event Timing p50 (ms)',
    value: (r) => percentile(r.typing.keystrokes, 50),
    show: eventMs,
    ratio: true,
  },
  {
    label: 'keystroke Event Timing p95 (ms)',
    value: (r) => percentile(r.typing.keystrokes, 95),
    show: eventMs,
    ratio: true,
  },
  { label: 'keystroke Event Timing max (ms)', value: (r) => Math.max(...r.typing.keystrokes), show: eventMs },
  {
    label: 'main-thread time per key (ms)',
    value: (r) => r.typing.mainThreadMsPerKey,
    show: (v) => v.toFixed(1),
    ratio: true,
  },
  {
    label: `long tasks > ${LONG_TASK_MS} ms while typing ${KEYS} keys at 10 keys/s`,
    value: (r) => r.typing.longTasks.filter((d) => d > LONG_TASK_MS).length,
    show: String,
  },
  { label: 'longest task while typing (ms)', value: (r) => Math.max(0, ...r.typing.longTasks), show: ms },
  { label: `React commits while typing ${KEYS} keys`, value: (r) => r.typing.commits, show: String },
  {
    label: `IME commit (Chinese, ${IME_COMMITS} words) Event Timing p50 (ms)`,
    value: (r) => percentile(r.ime, 50),
    show: eventMs,
    ratio: true,
  },
  {
    label: 'IME commit Event Timing p95 (ms)',
    value: (r) => percentile(r.ime, 95),
    show: eventMs,
    ratio: true,
  },
  ...STRUCTURE_OPS.map(
    (op): Row => ({
      label: `${STRUCTURE_OP_LABELS[op]}, until shown, median of 3 (ms)`,
      value: (r) => median(r.structure[op]),
      show: ms,
      ratio: true,
    }),
  ),
  {
    label: `co-author sees typed text p50 (ms, ${CO_KEYS} keys)`,
    value: (r) => percentile(r.coEditing.latencies, 50),
    show: ms,
    ratio: true,
  },
  {
    label: 'co-author sees typed text p95 (ms)',
    value: (r) => percentile(r.coEditing.latencies, 95),
    show: ms,
    ratio: true,
  },
  { label: 'characters the co-author did not see within 10 s', value: (r) => r.coEditing.missing, show: String },
  {
    label: 'checker results the co-author received meanwhile',
    value: (r) => r.coEditing.checks ?? Number.NaN,
    show: (v) => (Number.isFinite(v) ? String(v) : '—'),
  },
  { label: 'renderer JS heap after open (MiB)', value: (r) => r.afterOpen.heapBytes, show: mib, ratio: true },
  { label: 'renderer memory (RSS) after open (MiB)', value: (r) => r.afterOpen.rssBytes, show: mib, ratio: true },
  {
    label: 'memory run: renderer JS heap after open (MiB)',
    memory: (m) => m.afterOpen.heapBytes,
    show: mib,
  },
  {
    label: 'memory run: renderer JS heap after sustained editing (MiB)',
    memory: (m) => m.afterEditing.heapBytes,
    show: mib,
  },
  {
    label: 'memory run: renderer memory (RSS) after open (MiB)',
    memory: (m) => m.afterOpen.rssBytes,
    show: mib,
  },
  {
    label: 'memory run: renderer memory (RSS) after sustained editing (MiB)',
    memory: (m) => m.afterEditing.rssBytes,
    show: mib,
  },
  {
    label: 'memory run: RSS after editing ÷ after open',
    memory: (m) => (m.afterOpen.rssBytes > 0 ? m.afterEditing.rssBytes / m.afterOpen.rssBytes : Number.NaN),
    show: (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '—'),
  },
];

function cellValue(row: Row, column: EditorColumn): number {
  if (row.memory) return column.memory ? row.memory(column.memory) : Number.NaN;
  if (!row.value) return Number.NaN;
  const value = row.value;
  return median(column.sessions.map((s) => value(s)).filter((v) => Number.isFinite(v)));
}

/** One table: a row per metric, a column per editor, and product ÷ plain for the last product column. */
export function resultTable(columns: EditorColumn[], plainName: string): string {
  const plain = columns.find((c) => c.name === plainName);
  const product = [...columns].reverse().find((c) => c.name !== plainName);
  const headers = ['', ...columns.map((c) => c.name), ...(plain && product ? [`${product.name} ÷ plain`] : [])];
  const rows: Cell[][] = ROWS.filter((row) => !row.memory || columns.some((c) => c.memory)).map((row) => {
    const cells: Cell[] = [row.label, ...columns.map((c) => row.show(cellValue(row, c)))];
    if (plain && product) {
      const a = cellValue(row, product);
      const b = cellValue(row, plain);
      cells.push(row.ratio && b > 0 && Number.isFinite(a) && Number.isFinite(b) ? `${(a / b).toFixed(2)}×` : '—');
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
