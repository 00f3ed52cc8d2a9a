/**
 * Server benchmark — the submission package of a 100-page standard.
 *
 * One server (ours, in its own child process). A project's standard text is replaced by the large
 * generated standard (bench/lib/largeStandard.ts) through a y-websocket client. Meanwhile, in a small
 * document of another project, a writer types 10 edits/s and a reader timestamps their arrival
 * (bench/lib/collabTraffic.ts). Phases, each with the server's event-loop delay (p99, max):
 *   1. traffic alone (the baseline);
 *   2. `runs` packages without PDFs, one after the other, end to end over HTTP
 *      (GET /api/projects/:id/package?stage=送审稿&pdf=0: request → last byte of the zip);
 *   3. packages with PDFs (LibreOffice headless in child processes), when `soffice` is installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { unzipSync } from 'fflate';
import type { PackageManifest } from '@shared/api/submissionPackage.js';
import type { DocumentContentResponse, DocumentResponse } from '@shared/api/types.js';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { createProjectDocuments, login } from '../lib/api.js';
import type { BenchDocument } from '../lib/api.js';
import { RelayProbe, connected, disconnect, replaceContent } from '../lib/collabTraffic.js';
import type { Connected } from '../lib/collabTraffic.js';
import { loadMark, loadSince, waitForQuiet } from '../lib/machine.js';
import type { LoadSummary } from '../lib/machine.js';
import { buildLargeStandard } from '../lib/largeStandard.js';
import { progress } from '../lib/report.js';
import type { Report } from '../lib/report.js';
import { ServerProcess } from '../lib/serverProcess.js';
import type { PhaseStats } from '../lib/serverProcess.js';
import { fmt, fmtBytes, fmtInt, sleep, summarize } from '../lib/stats.js';
import type { LatencySummary } from '../lib/stats.js';

export interface PackageBenchOptions {
  /** Packages without PDFs in the timed phase. */
  runs: number;
  /** Packages with PDFs (skipped when LibreOffice is not installed). */
  pdfRuns: number;
  /** Milliseconds of traffic alone (the baseline phase). */
  baselineMs: number;
  /** Before each phase, wait up to this long for other work on the machine to calm down. */
  quietWaitMs: number;
  /** The large standard's content (ProseMirror JSON of the shared schema). */
  content: ProseMirrorJSON;
}

export interface PackageRun {
  ms: number;
  zipBytes: number;
  files: number;
  failures: number;
  /** Pages of the standard text's PDF (runs with PDFs). */
  standardPages: number | null;
}

export interface PackagePhase {
  label: string;
  runs: PackageRun[];
  packageMs: LatencySummary | null;
  edits: number;
  lost: number;
  propagationMs: LatencySummary;
  serverStats: PhaseStats;
  load: LoadSummary;
}

export interface PackageBenchResult {
  standardCharacters: number;
  findings: number;
  phases: PackagePhase[];
  officeInstalled: boolean;
}

const EDITS_PER_SECOND = 10;

function officeInstalled(): boolean {
  try {
    execFileSync('which', ['soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

function textLength(node: ProseMirrorJSON): number {
  return (node.text?.length ?? 0) + (node.content ?? []).reduce((sum, child) => sum + textLength(child), 0);
}

/** Pages of a PDF (its page objects). */
function pdfPages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0
  );
}

export async function runPackageBenchmark(options: PackageBenchOptions): Promise<PackageBenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-package-'));
  const server = await ServerProcess.start('ours', { dataDir });
  const clients: Connected[] = [];
  try {
    const token = await login(server.httpUrl);
    const auth = { authorization: `Bearer ${token}` };
    const document = (documentId: string): BenchDocument => ({ wsBase: server.wsBase, documentId, params: { token } });

    // The project whose standard text is the 100-page standard.
    const [standardId] = await createProjectDocuments(server.httpUrl, token, 'package-large');
    const { project } = await json<DocumentResponse>(
      await fetch(`${server.httpUrl}/api/documents/${standardId}`, { headers: auth }),
      'document',
    );
    const editor = await connected(document(standardId!), 'large standard');
    clients.push(editor);
    replaceContent(editor.doc, options.content);
    const expected = textLength(options.content);
    let standardCharacters = 0;
    for (let waited = 0; standardCharacters < expected * 0.99; waited += 200) {
      if (waited > 60_000) throw new Error('the large standard did not reach the server');
      await sleep(200);
      const content = await json<DocumentContentResponse>(
        await fetch(`${server.httpUrl}/api/documents/${standardId}/content`, { headers: auth }),
        'content',
      );
      standardCharacters = textLength(content.content);
    }

    // The collaboration traffic: a small document of another project.
    const [smallId] = await createProjectDocuments(server.httpUrl, token, 'package-traffic');
    const writer = await connected(document(smallId!), 'traffic writer');
    const reader = await connected(document(smallId!), 'traffic reader');
    clients.push(writer, reader);

    const packageUrl = (pdf: boolean): string =>
      `${server.httpUrl}/api/projects/${project.id}/package?stage=${encodeURIComponent('送审稿')}&pdf=${pdf ? 1 : 0}`;
    const build = async (pdf: boolean): Promise<{ run: PackageRun; manifest: PackageManifest }> => {
      const started = performance.now();
      const response = await fetch(packageUrl(pdf), { headers: auth });
      if (!response.ok) throw new Error(`package: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
      const zip = new Uint8Array(await response.arrayBuffer());
      const ms = performance.now() - started;
      const files = unzipSync(zip);
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as PackageManifest;
      const standardPdf = manifest.files.find((f) => f.material === 'standard' && f.format === 'pdf');
      return {
        manifest,
        run: {
          ms,
          zipBytes: zip.length,
          files: Object.keys(files).length,
          failures: manifest.failures.filter((f) => f.code !== 'not-requested').length,
          standardPages: standardPdf ? pdfPages(files[standardPdf.path]!) : null,
        },
      };
    };

    progress('package: warming up (one package without PDFs)');
    const warm = await build(false);
    const findings = warm.manifest.check?.findings.length ?? 0;

    const phase = async (label: string, work: () => Promise<PackageRun[]>): Promise<PackagePhase> => {
      await waitForQuiet(options.quietWaitMs);
      const probe = new RelayProbe(writer, reader);
      const before = await server.mark(true);
      const load = loadMark();
      probe.start(EDITS_PER_SECOND);
      const runs = await work();
      const after = await server.mark();
      const traffic = await probe.stop();
      const stats = ServerProcess.phase(before, after);
      return {
        label,
        runs,
        packageMs: runs.length > 0 ? summarize(Float64Array.from(runs.map((r) => r.ms))) : null,
        edits: traffic.sent,
        lost: traffic.lost,
        propagationMs: summarize(traffic.propagationMs),
        serverStats: stats,
        load: loadSince(load, stats.cpuMs),
      };
    };
    const sequential = (count: number, pdf: boolean) => async (): Promise<PackageRun[]> => {
      const runs: PackageRun[] = [];
      for (let i = 0; i < count; i++) {
        const { run } = await build(pdf);
        progress(`package ${pdf ? 'with' : 'without'} PDFs ${i + 1}/${count}: ${run.ms.toFixed(0)} ms`);
        runs.push(run);
      }
      return runs;
    };

    const phases: PackagePhase[] = [];
    progress('package: collaboration traffic alone (baseline)');
    phases.push(
      await phase('traffic alone', async () => {
        await sleep(options.baselineMs);
        return [];
      }),
    );
    phases.push(await phase('packages without PDFs', sequential(options.runs, false)));
    const office = officeInstalled();
    if (office && options.pdfRuns > 0)
      phases.push(await phase('packages with PDFs', sequential(options.pdfRuns, true)));
    return { standardCharacters, findings, phases, officeInstalled: office };
  } finally {
    for (const client of clients) disconnect(client);
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The time within which a package without PDFs must be built (the target). */
const TARGET_MS = 2000;
/** The event-loop delay the collaboration traffic may see meanwhile (p99). */
const LOOP_TARGET_MS = 50;

/** `npm run bench -- package`: runs the benchmark and adds its section to the report. */
export async function packageBenchmark(report: Report, quick: boolean, findings: string[]): Promise<void> {
  const options: PackageBenchOptions = {
    runs: quick ? 3 : 10,
    pdfRuns: quick ? 1 : 2,
    baselineMs: quick ? 3000 : 8000,
    quietWaitMs: Number(process.env.BENCH_QUIET_WAIT_MS ?? (quick ? 2000 : 15_000)),
    content: buildLargeStandard(),
  };
  report.section('Submission package of a 100-page standard', [
    'One server (ours). A project whose standard text is the generated 100-page standard (bench/lib/largeStandard.ts), its drafting explanation and ' +
      'application report from the templates; a writer types 10 edits/s into a small document of another project and a second client timestamps their arrival. ' +
      `Packages are built one after the other, end to end over HTTP (GET /api/projects/:id/package?stage=送审稿: request → last byte of the zip), ${options.runs} without PDFs ` +
      `(\`&pdf=0\`) and ${options.pdfRuns} with PDFs (LibreOffice headless in child processes, when installed). ` +
      "Event-loop delay of the server over each phase (monitorEventLoopDelay, 5 ms resolution); propagation = send → arrival of the small document's edits.",
  ]);
  let result: PackageBenchResult;
  try {
    result = await runPackageBenchmark(options);
  } catch (error) {
    findings.push(`package benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  report.table({
    title: 'Packages, and the collaboration traffic meanwhile',
    headers: [
      'phase',
      'packages',
      'package ms p50',
      'package ms max',
      'zip',
      'files',
      'failed parts',
      'standard PDF pages',
      'edits',
      'lost',
      'edit propagation p50 / p99 / max ms',
      'server loop delay p99 ms',
      'server loop delay max ms',
      'server CPU (cores)',
      'other load (cores)',
    ],
    rows: result.phases.map((p) => {
      const last = p.runs[p.runs.length - 1];
      return [
        p.label,
        p.runs.length,
        p.packageMs ? fmt(p.packageMs.p50, 0) : '–',
        p.packageMs ? fmt(p.packageMs.max, 0) : '–',
        last ? fmtBytes(last.zipBytes) : '–',
        last ? last.files : '–',
        last ? fmtInt(p.runs.reduce((n, r) => n + r.failures, 0)) : '–',
        last?.standardPages ?? '–',
        fmtInt(p.edits),
        fmtInt(p.lost),
        `${fmt(p.propagationMs.p50)} / ${fmt(p.propagationMs.p99)} / ${fmt(p.propagationMs.max)}`,
        fmt(p.serverStats.loopDelayP99Ms),
        fmt(p.serverStats.loopDelayMaxMs, 0),
        fmt(p.serverStats.cpuShare, 2),
        fmt(p.load.otherCores, 2),
      ];
    }),
    notes: [
      `The standard text: ${fmtInt(result.standardCharacters)} characters; the checker lists ${fmtInt(result.findings)} findings in the manifest.` +
        (result.officeInstalled ? '' : ' LibreOffice is not installed here: no phase with PDFs.'),
    ],
  });
  const noPdf = result.phases.find((p) => p.label === 'packages without PDFs');
  if (noPdf?.packageMs) {
    const met = (ok: boolean): string => (ok ? 'met' : '**not met**');
    report.note(
      `Targets: a package without PDFs in < ${TARGET_MS / 1000} s — p50 ${fmt(noPdf.packageMs.p50, 0)} ms, max ${fmt(noPdf.packageMs.max, 0)} ms: ${met(noPdf.packageMs.max < TARGET_MS)}; ` +
        `server event-loop delay p99 < ${LOOP_TARGET_MS} ms while it is built — ${fmt(noPdf.serverStats.loopDelayP99Ms)} ms: ${met(noPdf.serverStats.loopDelayP99Ms < LOOP_TARGET_MS)}.`,
    );
  }
  report.data('package', result);
}
