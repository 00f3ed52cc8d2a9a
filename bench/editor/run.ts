/**
 * The editor benchmark (`npm run bench:editor`, or `npm run bench -- editor`): the product's
 * standard text in Chromium against a plain TipTap editor on the same content, on the generated
 * 100-page standard and on the duplicated worst case, in one run. Prints a Markdown table per
 * document and writes them into bench/README.md ("Editor at 100 pages").
 *
 * Environment:
 *   BENCH_EDITOR_CLIENTS=name=dir,…  built clients to compare (e.g. `before=/tmp/a,after=/tmp/b`);
 *                                    default: the client of this tree, built into a temporary folder
 *   BENCH_EDITOR_DOCS=large,duplicated  which documents (default both)
 *   BENCH_EDITOR_REPEAT=n             measurement sessions per editor and document, interleaved
 *                                    (product, plain, product, plain …); the tables show medians (default 1)
 *   BENCH_EDITOR_SUSTAIN_MIN=m        minutes of the sustained-editing memory run per editor, on the
 *                                    100-page standard only (default 10; 0 skips it)
 *   BENCH_EDITOR_NO_README=1          print only
 *   BENCH_EDITOR_PROFILE=1            CPU profile summary of the typing phase (BENCH_EDITOR_PROFILE_OUT=file keeps it)
 *   BENCH_EDITOR_MINIFY=0             build the plain page unminified (readable profiles)
 *   CHROMIUM_PATH=/usr/bin/chromium
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { computeNumbering } from '@shared/editor/structure/numbering.js';
import { plainText } from '@shared/editor/yjsContent.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { buildDuplicatedStandard, buildLargeStandard } from '../lib/largeStandard.js';
import { loadMark, loadSince, machineInfo } from '../lib/machine.js';
import { caretParagraphText } from './caretParagraph.js';
import { startPlainPage } from './plainPage.js';
import type { PlainPage } from './plainPage.js';
import { startProductServer } from './productServer.js';
import { resultTable, writeReadme } from './report.js';
import type { EditorColumn } from './report.js';
import { measureEditor, measureMemory, warmUp } from './session.js';
import type { EditorTarget } from './session.js';
import { plainTarget, productTarget } from './targets.js';

const PLAIN = 'plain TipTap';
const DOCUMENTS: Record<string, { title: string; build: () => ProseMirrorJSON; memory: boolean }> = {
  large: { title: 'generated 100-page standard', build: buildLargeStandard, memory: true },
  duplicated: { title: 'duplicated worst case', build: buildDuplicatedStandard, memory: false },
};

function clients(): { name: string; dir: string }[] {
  const spec = process.env.BENCH_EDITOR_CLIENTS;
  if (spec) {
    return spec.split(',').map((pair) => {
      const [name, dir] = pair.split('=');
      if (!name || !dir) throw new Error(`bad BENCH_EDITOR_CLIENTS entry ${pair}`);
      return { name: `product (${name})`, dir };
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-editor-client-'));
  console.log(`building the client into ${dir} …`);
  execFileSync('npx', ['vite', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  return [{ name: 'product', dir }];
}

function describe(doc: ProseMirrorJSON): string {
  const numbering = computeNumbering(doc);
  const count = (kind: string) => Object.values(numbering.byId).filter((item) => item.kind === kind).length;
  return (
    `${plainText(doc).length.toLocaleString('en')} characters, ${count('chapter')} chapters, ` +
    `${count('clause').toLocaleString('en')} clauses, ${count('table')} tables, ${count('annex')} annexes, ` +
    `${count('term')} terms`
  );
}

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`bad ${name}`);
  return value;
};

/** A product variant: its own server per document (fresh data), the document written into it. */
interface Variant {
  name: string;
  dir: string;
}

async function measureDocument(
  browser: Browser,
  plainPage: PlainPage,
  variants: Variant[],
  doc: ProseMirrorJSON,
  repeat: number,
  sustainMinutes: number,
): Promise<EditorColumn[]> {
  const columns: EditorColumn[] = [...variants.map((v) => v.name), PLAIN].map((name) => ({
    name,
    sessions: [],
    memory: null,
  }));
  const servers = await Promise.all(variants.map((v) => startProductServer(v.dir)));
  try {
    for (const server of servers) await server.setContent(doc);
    await plainPage.setContent(doc);
    const targets: EditorTarget[] = [
      ...variants.map((v, i) => {
        const server = servers[i];
        if (!server) throw new Error('no server');
        return productTarget(v.name, server.url, server.standardId);
      }),
      plainTarget(plainPage.url),
    ];
    const caretText = caretParagraphText(doc);
    for (const target of targets) {
      console.log(`warming up ${target.name} …`);
      await warmUp(browser, target);
    }
    for (let round = 0; round < repeat; round++) {
      for (const [i, target] of targets.entries()) {
        console.log(`measuring ${target.name} (session ${round + 1} of ${repeat}) …`);
        columns[i]?.sessions.push(await measureEditor(browser, target, caretText));
      }
    }
    if (sustainMinutes > 0) {
      for (const [i, target] of targets.entries()) {
        console.log(`memory: ${target.name}, ${sustainMinutes} min of editing …`);
        const column = columns[i];
        if (column) column.memory = await measureMemory(browser, target, sustainMinutes);
      }
    }
  } finally {
    for (const server of servers) await server.close();
  }
  return columns;
}

/** Runs the benchmark; returns the Markdown written to bench/README.md. */
export async function runEditorBenchmark(): Promise<string> {
  const variants = clients();
  const wanted = (process.env.BENCH_EDITOR_DOCS ?? 'large,duplicated').split(',').map((s) => s.trim());
  const repeat = Math.max(1, Math.floor(number('BENCH_EDITOR_REPEAT', 1)));
  const sustainMinutes = number('BENCH_EDITOR_SUSTAIN_MIN', 10);
  const machine = machineInfo();
  const loadBefore = loadavg();
  const mark = loadMark();
  const startedAt = new Date();
  const plainPage = await startPlainPage();
  const browser = await launch();
  const sections: string[] = [];
  try {
    for (const key of wanted) {
      const spec = DOCUMENTS[key];
      if (!spec) throw new Error(`unknown document ${key}`);
      const doc = spec.build();
      console.log(`\n### ${spec.title}: ${describe(doc)}`);
      const minutes = spec.memory ? sustainMinutes : 0;
      const columns = await measureDocument(browser, plainPage, variants, doc, repeat, minutes);
      const table = resultTable(columns, PLAIN);
      console.log(`\n${table}\n`);
      const memoryNote =
        minutes > 0
          ? ` Memory run: ${minutes} min of editing per editor (${columns
              .map(
                (c) =>
                  `${c.name}: ${c.memory?.editing.keys ?? 0} keys, ${c.memory?.editing.insertions ?? 0} insertions`,
              )
              .join('; ')}).`
          : '';
      sections.push(
        `#### ${spec.title} (${describe(doc)})\n\n${repeat > 1 ? `Medians of ${repeat} sessions per editor.` : 'One session per editor.'}${memoryNote}\n\n${table}`,
      );
    }
  } finally {
    await browser.close();
    await plainPage.close();
  }
  const load = loadSince(mark, 0);
  const header =
    `Run of ${startedAt.toISOString()} (${((Date.now() - startedAt.getTime()) / 60_000).toFixed(0)} min): ` +
    `${machine.cores} cores (${machine.model}), ${machine.memoryGb} GB, Node ${machine.node}, ` +
    `Chromium ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}; load average (1 min) ` +
    `${loadBefore[0]?.toFixed(2)} before, ${loadavg()[0]?.toFixed(2)} after on ${cpus().length} cores; ` +
    `the whole machine (this benchmark's browser and server included) was busy ${load.machineCores.toFixed(2)} cores on average.`;
  const markdown = [header, '', ...sections.flatMap((s) => [s, ''])].join('\n').trimEnd();
  if (process.env.BENCH_EDITOR_NO_README !== '1') writeReadme(markdown);
  return markdown;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Exit when done: something the in-process product servers open (not tracked down) otherwise keeps
  // the process alive after the tables are written.
  runEditorBenchmark()
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
