/**
 * Results as they come: each table is printed to stdout when added and kept for
 * bench/results/latest.md (Markdown) and latest.json (the raw numbers).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

export type Cell = string | number;

export interface Table {
  title: string;
  headers: string[];
  rows: Cell[][];
  notes: string[];
}

export function markdownTable(headers: string[], rows: Cell[][]): string {
  const cellText = (c: Cell): string => String(c).replace(/\|/g, '\\|');
  const lines = [`| ${headers.map(cellText).join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.map(cellText).join(' | ')} |`);
  return lines.join('\n');
}

export class Report {
  private readonly sections: { heading: string; intro: string[]; tables: Table[]; notes: string[] }[] = [];
  private readonly raw: Record<string, unknown> = {};
  private readonly started = new Date();

  constructor(private readonly header: string[]) {}

  section(heading: string, intro: string[] = []): void {
    this.sections.push({ heading, intro, tables: [], notes: [] });
    console.log(`\n## ${heading}\n`);
    for (const line of intro) console.log(line);
  }

  private current(): { tables: Table[]; notes: string[] } {
    const last = this.sections[this.sections.length - 1];
    if (!last) throw new Error('no section');
    return last;
  }

  table(table: Table): void {
    this.current().tables.push(table);
    console.log(`\n### ${table.title}\n`);
    console.log(markdownTable(table.headers, table.rows));
    for (const note of table.notes) console.log(`\n${note}`);
  }

  note(line: string): void {
    this.current().notes.push(line);
    console.log(line);
  }

  data(key: string, value: unknown): void {
    this.raw[key] = value;
  }

  markdown(): string {
    const out: string[] = [...this.header, ''];
    for (const s of this.sections) {
      out.push(`## ${s.heading}`, '');
      if (s.intro.length) out.push(...s.intro, '');
      for (const t of s.tables) {
        out.push(`### ${t.title}`, '', markdownTable(t.headers, t.rows), '');
        for (const n of t.notes) out.push(n, '');
      }
      for (const n of s.notes) out.push(n, '');
    }
    return out.join('\n');
  }

  /** Writes `<name>.md` and `<name>.json` into bench/results/ (a partial run passes its own name). */
  write(name = 'latest'): { md: string; json: string } {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const md = `${RESULTS_DIR}${name}.md`;
    const json = `${RESULTS_DIR}${name}.json`;
    writeFileSync(md, this.markdown());
    writeFileSync(
      json,
      JSON.stringify({ started: this.started.toISOString(), finished: new Date().toISOString(), ...this.raw }, null, 2),
    );
    return { md, json };
  }
}

export function progress(message: string): void {
  console.log(`  … ${message}`);
}
