/**
 * The editor benchmark (`npx tsx bench/editor/run.ts`, `npm run bench:editor`): the product's
 * standard text in Chromium against a plain TipTap editor on the same content, on the generated
 * 100-page standard and on the duplicated worst case, in one run. Prints a Markdown table per
 * document and writes them into bench/README.md ("Editor at 100 pages").
 *
 * Environment:
 *   BENCH_EDITOR_CLIENTS=name=dir,…  built clients to compare (e.g. `before=/tmp/a,after=/tmp/b`);
 *                                    default: the client of this tree, built into a temporary folder
 *   BENCH_EDITOR_DOCS=large,duplicated  which documents (default both)
 *   BENCH_EDITOR_NO_README=1          print only
 *   CHROMIUM_PATH=/usr/bin/chromium
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { computeNumbering } from '@shared/editor/structure/numbering.js';
import { plainText } from '@shared/editor/yjsContent.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { buildDuplicatedStandard, buildLargeStandard } from '../lib/largeStandard.js';
import { machineInfo } from '../lib/machine.js';
import { startPlainPage } from './plainPage.js';
import { startProductServer } from './productServer.js';
import { resultTable, writeReadme } from './report.js';
import { KEYS, measureEditor } from './session.js';
import type { SessionResult } from './session.js';
import { plainTarget, productTarget } from './targets.js';

const PLAIN = 'plain TipTap';
const DOCUMENTS: Record<string, { title: string; build: () => ProseMirrorJSON }> = {
  large: { title: 'generated 100-page standard', build: buildLargeStandard },
  duplicated: { title: 'duplicated worst case', build: buildDuplicatedStandard },
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

async function main(): Promise<void> {
  const variants = clients();
  const wanted = (process.env.BENCH_EDITOR_DOCS ?? 'large,duplicated').split(',').map((s) => s.trim());
  const machine = machineInfo();
  const loadBefore = loadavg();
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
      const columns: { name: string; result: SessionResult }[] = [];
      for (const variant of variants) {
        const server = await startProductServer(variant.dir);
        try {
          await server.setContent(doc);
          console.log(`measuring ${variant.name} …`);
          columns.push({
            name: variant.name,
            result: await measureEditor(browser, productTarget(variant.name, server.url, server.standardId)),
          });
        } finally {
          await server.close();
        }
      }
      plainPage.setContent(doc);
      console.log(`measuring ${PLAIN} …`);
      columns.push({ name: PLAIN, result: await measureEditor(browser, plainTarget(plainPage.url)) });
      const table = resultTable(columns, PLAIN);
      console.log(`\n${table}\n`);
      sections.push(`#### ${spec.title} (${describe(doc)})\n\n${table}`);
    }
  } finally {
    await browser.close();
    await plainPage.close();
  }
  const loadAfter = loadavg();
  const header =
    `Run of ${startedAt.toISOString()}: ${machine.cores} cores (${machine.model}), ${machine.memoryGb} GB, ` +
    `Node ${machine.node}, Chromium ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}; ` +
    `load average (1 min) ${loadBefore[0]?.toFixed(2)} before, ${loadAfter[0]?.toFixed(2)} after ` +
    `on ${cpus().length} cores. ${KEYS} keys at 10 keys/s per editor.`;
  const markdown = [header, '', ...sections.flatMap((s) => [s, ''])].join('\n').trimEnd();
  if (process.env.BENCH_EDITOR_NO_README !== '1') writeReadme(markdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
