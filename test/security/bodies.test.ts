/**
 * Bounded inputs: the REST body limit holds on the stream (a chunked body that never says its
 * length is cut off at the limit), the .xlsx import has its own limit, and a zip bomb or a corrupt
 * workbook is a clear 400 that imports nothing — in bounded memory.
 */
import { request as httpRequest } from 'node:http';
import { randomBytes } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import type { ImportRejected, ImportResult, RoundView } from '@shared/api/consultation.js';
import type { ApiError, ProjectDetailResponse } from '@shared/api/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProject, login, request } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { handMadeTable, ok, upload } from '../consultation/helpers.js';
import { craftZip, deflatedZeros } from './zipArchives.js';

const MiB = 1024 * 1024;
const UNIT = '浙江某某检测有限公司';

let server: TestServer;
let token = '';
let projectId = '';
let roundId = '';

beforeAll(async () => {
  server = await startTestServer();
  token = await login(server.url, 'lead@example.com');
  projectId = (await demoProject(server.url, token)).project.id;
  const round = await ok<RoundView>(server.url, 'POST', `/api/projects/${projectId}/rounds`, token, {
    deadline: '2026-06-30',
    recipients: [{ unitName: UNIT, contact: '联系人' }],
  });
  roundId = round.round.id;
});

afterAll(async () => {
  await server.dispose();
});

/** Sends `total` bytes as a chunked body (no Content-Length) and resolves with the answer. */
function sendChunked(
  method: string,
  path: string,
  parts: { head: string; filler: number; tail: string },
  contentType = 'application/json',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${server.url}${path}`,
      {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'transfer-encoding': 'chunked' },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString('utf8');
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    const space = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    req.write(parts.head);
    const write = (): void => {
      while (sent < parts.filler) {
        const part = space.subarray(0, Math.min(space.length, parts.filler - sent));
        sent += part.length;
        if (!req.write(part)) {
          req.once('drain', write);
          return;
        }
      }
      req.end(parts.tail);
    };
    write();
  });
}

const projectName = async (): Promise<string> =>
  (await request<ProjectDetailResponse>(server.url, 'GET', `/api/projects/${projectId}`, { token })).body.project
    .nameZh;

describe('the REST body limit (1 MiB)', () => {
  it('refuses a chunked body over the limit with 413 and changes nothing', async () => {
    const before = await projectName();
    const answer = await sendChunked('PATCH', `/api/projects/${projectId}`, {
      head: '{"nameZh":"超大请求改的名称"',
      filler: 3 * MiB,
      tail: '}',
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body) as ApiError).toEqual({ error: 'request body too large (at most 1 MiB)' });
    expect(await projectName()).toBe(before);
  });

  it('accepts a chunked body under the limit', async () => {
    const answer = await sendChunked('PATCH', `/api/projects/${projectId}`, {
      head: '{"nameZh":"分块请求改的名称"',
      filler: 512 * 1024,
      tail: '}',
    });
    expect(answer.status, answer.body).toBe(200);
    expect(await projectName()).toBe('分块请求改的名称');
  });

  it('refuses a declared Content-Length over the limit before reading it', async () => {
    const answer = await request<ApiError>(server.url, 'PATCH', `/api/projects/${projectId}`, {
      token,
      body: { nameZh: 'x'.repeat(2 * MiB) },
    });
    expect(answer.status).toBe(413);
  });
});

describe('the .xlsx import', () => {
  const importPath = (): string => `/api/rounds/${roundId}/import`;
  const itemCount = async (): Promise<number> =>
    (await ok<RoundView>(server.url, 'GET', `/api/rounds/${roundId}`, token)).items.length;

  /** Peak growth of this process's memory (the server runs in it) while `run` runs. */
  async function peakGrowth<T>(run: () => Promise<T>): Promise<{ result: T; growth: number }> {
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    try {
      const result = await run();
      peak = Math.max(peak, process.memoryUsage().rss);
      return { result, growth: peak - before };
    } finally {
      clearInterval(timer);
    }
  }

  it('has its own limit: a workbook over 1 MiB imports, one over 10 MiB is refused with 413', async () => {
    // A real table with a 1.5 MiB part the reader does not use (as a picture would be).
    const table = unzipSync(await handMadeTable([['1', '5.1', '大文件中的意见', '', UNIT, '', '']]));
    const large = zipSync({ ...table, 'docProps/thumbnail.bin': randomBytes(1.5 * MiB) }, { level: 0 });
    expect(large.length).toBeGreaterThan(MiB);
    const imported = await upload<ImportResult>(server.url, `${importPath()}?createRecipients=1`, token, large, true);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.imported).toBe(1);

    const before = await itemCount();
    const huge = await sendChunked(
      'POST',
      importPath(),
      { head: '', filler: 11 * MiB, tail: '' },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toEqual({ error: 'the uploaded file too large (at most 10 MiB)' });
    expect(await itemCount()).toBe(before);
  });

  it('refuses zip bombs with a clear 400, in bounded memory, and imports nothing', async () => {
    const before = await itemCount();
    // One part that inflates to 512 MiB while claiming 1 KB.
    const single = craftZip([
      {
        name: 'xl/worksheets/sheet1.xml',
        method: 8,
        data: await deflatedZeros(512 * MiB),
        declaredSize: 1000,
      },
    ]);
    // 300 directory records all pointing at one 8 MiB part: 2.4 GB from 8 KB of compressed data.
    const kernel = await deflatedZeros(8 * MiB);
    const overlapping = craftZip(
      [{ name: 'xl/media/image0.png', method: 8, data: kernel, declaredSize: 8 * MiB }],
      Array.from({ length: 300 }, (_, i) => ({ entry: 0, name: `xl/media/image${i}.png` })),
    );
    for (const bomb of [single, overlapping]) {
      expect(bomb.length).toBeLessThan(MiB);
      const { result, growth } = await peakGrowth(() => upload<ImportRejected>(server.url, importPath(), token, bomb));
      expect(result.status).toBe(400);
      expect(result.body.error).toMatch(/nothing was imported/);
      expect(result.body.rows).toEqual([{ row: 0, column: null, message: 'the .xlsx unpacks to more than 16 MiB' }]);
      // Inflating either would take 500 MB or more; the check stops at the 16 MiB limit.
      expect(growth).toBeLessThan(150 * MiB);
    }
    expect(await itemCount()).toBe(before);
  });

  it('refuses an archive with thousands of parts', async () => {
    const many = craftZip(
      Array.from({ length: 5000 }, (_, i) => ({
        name: `xl/part${i}.xml`,
        method: 0,
        data: new Uint8Array(0),
        declaredSize: 0,
      })),
    );
    const answer = await upload<ImportRejected>(server.url, importPath(), token, many);
    expect(answer.status).toBe(400);
    expect(answer.body.rows[0]?.message).toBe('the .xlsx has too many parts (5000, at most 1000)');
  });

  it('refuses corrupt workbooks with a clear 400 and imports nothing', async () => {
    const before = await itemCount();
    const good = await handMadeTable([['1', '5.1', '意见', '', UNIT, '', '']]);
    const badDeflate = craftZip([
      { name: 'xl/workbook.xml', method: 8, data: new Uint8Array(randomBytes(4096)), declaredSize: 10_000 },
    ]);
    const unknownMethod = craftZip([
      { name: 'xl/workbook.xml', method: 14, data: new Uint8Array(64), declaredSize: 64 },
    ]);
    const corrupt = [
      new Uint8Array(randomBytes(64 * 1024)),
      good.slice(0, Math.floor(good.length / 2)), // truncated
      good.slice(200), // its start cut off
      badDeflate,
      unknownMethod,
      new TextEncoder().encode('序号,标准章条编号,意见内容\n1,5.1,意见'), // a CSV, not a workbook
    ];
    for (const file of corrupt) {
      const answer = await upload<ImportRejected>(server.url, importPath(), token, file);
      expect(answer.status).toBe(400);
      expect(answer.body.rows).toEqual([
        { row: 0, column: null, message: 'the file is not a readable .xlsx workbook' },
      ]);
    }
    // A well-formed zip whose parts are not a workbook.
    const notWorkbook = zipSync({ 'readme.txt': new TextEncoder().encode('hello') });
    const answer = await upload<ImportRejected>(server.url, importPath(), token, notWorkbook);
    expect(answer.status).toBe(400);
    expect(await itemCount()).toBe(before);
  });
});
