/**
 * Server benchmark — memory over a long soak (`npm run bench -- soak`, BENCH_SOAK_MINUTES, default 30).
 *
 * One server (ours, in its own child process) with P projects (3 documents each). The active set is a
 * few documents at a time, each with a writer typing into the editor content and a second client
 * reading; every rotation the clients leave and the next documents become active. Meanwhile the
 * documents nobody has open are read through the API, which loads them only for the read: content,
 * drafting check, .docx export, change history (+ .xlsx), comment threads, gates (document facts),
 * the dashboard; comments are posted on active documents and versions named and compared.
 * Every sample: the server's RSS, the loaded documents and connections (GET /api/health). After the
 * last rotation every client leaves: the loaded documents must go back to 0.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { HealthResponse, LoginResponse, ProjectListItem } from '@shared/api/types.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { editorSchema } from '@shared/editor/schema.js';
import { createAnchor, documentAnchors, quoteOf } from '@shared/comments/anchors.js';
import { DEMO_PASSWORD, createProjectDocuments, login } from '../lib/api.js';
import type { BenchDocument } from '../lib/api.js';
import { connected, disconnect } from '../lib/collabTraffic.js';
import type { Connected } from '../lib/collabTraffic.js';
import { progress } from '../lib/report.js';
import type { Report } from '../lib/report.js';
import { ServerProcess } from '../lib/serverProcess.js';
import { fmt, fmtInt, sleep } from '../lib/stats.js';

export interface SoakOptions {
  minutes: number;
  projects: number;
  /** Documents typed into at the same time. */
  active: number;
  /** How long a document stays active. */
  rotationMs: number;
  sampleMs: number;
  editsPerSecond: number;
  /** API reads of idle documents per second. */
  readsPerSecond: number;
}

export interface SoakSample {
  minute: number;
  rssMb: number;
  loadedDocuments: number;
  connections: number;
  edits: number;
  reads: number;
  comments: number;
  failures: number;
}

export interface SoakResult {
  samples: SoakSample[];
  documents: number;
  rotations: number;
  /** Loaded documents once every client left and the reads stopped. */
  loadedAtEnd: number;
  rssAtEndMb: number;
  failureExamples: string[];
}

interface ActiveDocument {
  documentId: string;
  writer: Connected;
  reader: Connected;
  text: Y.XmlText;
  typed: number;
}

const READS = ['content', 'check', 'export.docx', 'history', 'history.xlsx', 'threads', 'gates', 'dashboard'] as const;

function startParagraph(doc: Y.Doc): Y.XmlText {
  const text = new Y.XmlText('浸泡测试段落：');
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    const fragment = doc.getXmlFragment(CONTENT_FIELD);
    fragment.insert(fragment.length, [paragraph]);
  });
  return text;
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-soak-'));
  const server = await ServerProcess.start('ours', { dataDir });
  const counters = { edits: 0, reads: 0, comments: 0, failures: 0 };
  const failureExamples: string[] = [];
  const fail = (what: string, error: unknown): void => {
    counters.failures++;
    if (failureExamples.length < 10)
      failureExamples.push(`${what}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300));
  };
  const active: ActiveDocument[] = [];
  try {
    const token = await login(server.httpUrl);
    const auth = { authorization: `Bearer ${token}` };
    const api = async (method: string, path: string, body?: unknown, as = auth): Promise<Response> => {
      const response = await fetch(`${server.httpUrl}/api${path}`, {
        method,
        headers: body === undefined ? as : { ...as, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`${method} ${path}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
      return response;
    };
    // The dashboard is the bureau's: read with the demo bureau account.
    const bureau = (await (
      await fetch(`${server.httpUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bureau@example.com', password: DEMO_PASSWORD }),
      })
    ).json()) as LoginResponse;
    const health = async (): Promise<HealthResponse> => (await (await api('GET', '/health')).json()) as HealthResponse;

    const documents: { documentId: string; projectId: string }[] = [];
    for (let p = 0; p < options.projects; p++) {
      for (const documentId of await createProjectDocuments(server.httpUrl, token, `soak-${p}`))
        documents.push({ documentId, projectId: '' });
    }
    const projects = (await (await api('GET', '/projects')).json()) as ProjectListItem[];
    for (const project of projects)
      for (const d of project.documents) {
        const entry = documents.find((x) => x.documentId === d.id);
        if (entry) entry.projectId = project.id;
      }
    const benchDocument = (documentId: string): BenchDocument => ({
      wsBase: server.wsBase,
      documentId,
      params: { token },
    });

    const versionsOf = new Map<string, string>();
    let next = 0;
    const activate = async (): Promise<void> => {
      const { documentId } = documents[next++ % documents.length]!;
      const writer = await connected(benchDocument(documentId), `soak writer ${documentId}`);
      const reader = await connected(benchDocument(documentId), `soak reader ${documentId}`);
      active.push({ documentId, writer, reader, text: startParagraph(writer.doc), typed: 0 });
    };
    const deactivateAll = (): void => {
      for (const a of active.splice(0)) {
        disconnect(a.writer);
        disconnect(a.reader);
      }
    };

    // Typing: every active writer, editsPerSecond each; a new paragraph every 40 edits.
    const typing = setInterval(
      () => {
        for (const a of active) {
          if (a.typed > 0 && a.typed % 40 === 0) a.text = startParagraph(a.writer.doc);
          a.text.insert(a.text.length, `字${a.typed % 10}`);
          a.typed++;
          counters.edits++;
        }
      },
      Math.round(1000 / options.editsPerSecond),
    );

    const readIdle = async (): Promise<void> => {
      const busy = new Set(active.map((a) => a.documentId));
      const idle = documents.filter((d) => !busy.has(d.documentId));
      const target = idle[Math.floor(Math.random() * idle.length)];
      if (!target) return;
      const kind = READS[Math.floor(Math.random() * READS.length)]!;
      const path =
        kind === 'dashboard'
          ? '/dashboard'
          : kind === 'gates'
            ? `/projects/${target.projectId}/gates?target=${encodeURIComponent('送审稿')}`
            : `/documents/${target.documentId}/${kind}`;
      try {
        const as = kind === 'dashboard' ? { authorization: `Bearer ${bureau.token}` } : auth;
        await (await api('GET', path, undefined, as)).arrayBuffer();
        counters.reads++;
      } catch (error) {
        fail(kind, error);
      }
    };

    const comment = async (): Promise<void> => {
      const a = active[Math.floor(Math.random() * active.length)];
      if (!a) return;
      const anchors = documentAnchors(a.writer.doc, CONTENT_FIELD, editorSchema());
      let from = -1;
      anchors.doc.descendants((node, pos) => {
        if (from < 0 && node.isTextblock && node.textContent.length > 10) from = pos + 1;
        return from < 0;
      });
      if (from < 0) return;
      try {
        await api('POST', `/documents/${a.documentId}/threads`, {
          ...createAnchor(anchors, from, from + 4),
          quote: quoteOf(anchors.doc, from, from + 4),
          clauseId: null,
          body: '浸泡测试意见',
          mentions: [],
        });
        counters.comments++;
      } catch (error) {
        fail('comment', error);
      }
    };

    const versionAndDiff = async (): Promise<void> => {
      const a = active[Math.floor(Math.random() * active.length)];
      if (!a) return;
      try {
        const previous = versionsOf.get(a.documentId);
        const created = (await (
          await api('POST', `/documents/${a.documentId}/versions`, { name: `浸泡 ${counters.edits}` })
        ).json()) as { id: string };
        versionsOf.set(a.documentId, created.id);
        if (previous)
          await (await api('GET', `/documents/${a.documentId}/diff?from=${previous}&to=current`)).arrayBuffer();
        counters.reads++;
      } catch (error) {
        fail('version/diff', error);
      }
    };

    const samples: SoakSample[] = [];
    const started = performance.now();
    const sample = async (): Promise<void> => {
      const mark = await server.mark();
      const h = await health();
      samples.push({
        minute: (performance.now() - started) / 60_000,
        rssMb: mark.stats.rssBytes / 1024 / 1024,
        loadedDocuments: h.loadedDocuments,
        connections: h.connections,
        ...counters,
      });
      const s = samples[samples.length - 1]!;
      progress(
        `soak ${fmt(s.minute, 1)} min: RSS ${fmt(s.rssMb, 0)} MB, loaded ${s.loadedDocuments}, connections ${s.connections}, ` +
          `edits ${fmtInt(s.edits)}, reads ${fmtInt(s.reads)}, comments ${s.comments}, failures ${s.failures}`,
      );
    };

    const endAt = started + options.minutes * 60_000;
    let rotations = 0;
    let nextSample = started;
    let nextRotation = started;
    let tick = 0;
    try {
      while (performance.now() < endAt) {
        const now = performance.now();
        if (now >= nextRotation) {
          deactivateAll();
          for (let i = 0; i < options.active; i++) await activate();
          rotations++;
          nextRotation = now + options.rotationMs;
        }
        if (now >= nextSample) {
          await sample();
          nextSample = now + options.sampleMs;
        }
        await readIdle();
        tick++;
        if (tick % 20 === 0) await comment();
        if (tick % 50 === 0) await versionAndDiff();
        await sleep(Math.max(0, 1000 / options.readsPerSecond - (performance.now() - now)));
      }
    } finally {
      clearInterval(typing);
      deactivateAll();
    }
    // Every client left: the documents unload once stored (debounced store, then unload).
    let end = await health();
    for (let waited = 0; end.loadedDocuments > 0 && waited < 30_000; waited += 500) {
      await sleep(500);
      end = await health();
    }
    const last = await server.mark();
    return {
      samples,
      documents: documents.length,
      rotations,
      loadedAtEnd: end.loadedDocuments,
      rssAtEndMb: last.stats.rssBytes / 1024 / 1024,
      failureExamples,
    };
  } finally {
    for (const a of active.splice(0)) {
      disconnect(a.writer);
      disconnect(a.reader);
    }
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A small text chart of RSS over time: one row per sample, one █ per `scale` MB above the minimum. */
function rssChart(samples: SoakSample[]): string {
  const min = Math.min(...samples.map((s) => s.rssMb));
  const max = Math.max(...samples.map((s) => s.rssMb));
  const scale = Math.max(1, (max - min) / 50);
  const lines = [`RSS (MB) over time; bar = RSS − ${fmt(min, 0)} MB, one █ = ${fmt(scale, 1)} MB`];
  for (const s of samples)
    lines.push(
      `${fmt(s.minute, 1).padStart(5)} min ${fmt(s.rssMb, 0).padStart(5)} ${'█'.repeat(Math.round((s.rssMb - min) / scale))}`,
    );
  return ['```', ...lines, '```'].join('\n');
}

export async function soakBenchmark(report: Report, quick: boolean, findings: string[]): Promise<void> {
  const options: SoakOptions = {
    minutes: Number(process.env.BENCH_SOAK_MINUTES ?? (quick ? 2 : 30)),
    projects: quick ? 6 : 30,
    active: 3,
    rotationMs: quick ? 20_000 : 60_000,
    sampleMs: quick ? 10_000 : 60_000,
    editsPerSecond: 5,
    readsPerSecond: 4,
  };
  report.section(`Memory over a ${options.minutes}-minute soak`, [
    `One server (ours). ${options.projects} projects (${options.projects * 3} documents). ${options.active} documents active at a time, each with a writer typing ` +
      `${options.editsPerSecond} edits/s into the editor content and a reader; every ${options.rotationMs / 1000} s the clients leave and the next documents become active. ` +
      `Meanwhile ${options.readsPerSecond} API reads/s of documents nobody has open (content, check, .docx export, history, history .xlsx, threads, gates, dashboard), ` +
      'a comment on an active document every 20 reads, a named version and a difference to the previous one every 50 reads. ' +
      'RSS of the server process, loaded documents and connections from GET /api/health.',
  ]);
  let result: SoakResult;
  try {
    result = await runSoak(options);
  } catch (error) {
    findings.push(`soak failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const { samples } = result;
  report.table({
    title: 'RSS and loaded documents over time',
    headers: ['minute', 'RSS MB', 'loaded documents', 'connections', 'edits', 'API reads', 'comments', 'failures'],
    rows: samples.map((s) => [
      fmt(s.minute, 1),
      fmt(s.rssMb, 0),
      s.loadedDocuments,
      s.connections,
      fmtInt(s.edits),
      fmtInt(s.reads),
      fmtInt(s.comments),
      s.failures,
    ]),
    notes: [rssChart(samples)],
  });
  const afterWarmup = samples.filter((s) => s.minute >= options.minutes / 6);
  const half = Math.floor(afterWarmup.length / 2);
  const mean = (xs: SoakSample[]): number => xs.reduce((a, s) => a + s.rssMb, 0) / Math.max(1, xs.length);
  report.note(
    `${result.documents} documents, ${result.rotations} rotations. After warm-up (from minute ${fmt(options.minutes / 6, 0)}): RSS ` +
      `${fmt(Math.min(...afterWarmup.map((s) => s.rssMb)), 0)}–${fmt(Math.max(...afterWarmup.map((s) => s.rssMb)), 0)} MB; ` +
      `mean of the first half ${fmt(mean(afterWarmup.slice(0, half)), 0)} MB, of the second half ${fmt(mean(afterWarmup.slice(half)), 0)} MB. ` +
      `Once every client left: ${result.loadedAtEnd} document(s) loaded, RSS ${fmt(result.rssAtEndMb, 0)} MB.`,
  );
  for (const example of result.failureExamples) findings.push(`soak: ${example}`);
  if (result.loadedAtEnd > 0)
    findings.push(`soak: ${result.loadedAtEnd} document(s) still loaded after every client left`);
  report.data('soak', { options, ...result });
}
