/** Helpers of the consultation tests: calls that must succeed, spreadsheets, SSE, file downloads. */
import ExcelJS from 'exceljs';
import type { RoundView } from '@shared/api/consultation.js';
import { request } from '../helpers/api.js';

export async function ok<T>(baseUrl: string, method: string, path: string, token: string, body?: unknown): Promise<T> {
  const result = await request<T>(baseUrl, method, path, { token, body });
  if (result.status >= 300) throw new Error(`${method} ${path} → ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

export async function download(
  baseUrl: string,
  path: string,
  token: string,
): Promise<{ status: number; type: string; data: Uint8Array; disposition: string }> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    disposition: response.headers.get('content-disposition') ?? '',
    data: new Uint8Array(await response.arrayBuffer()),
  };
}

export async function upload<T>(
  baseUrl: string,
  path: string,
  token: string | null,
  data: Uint8Array,
  multipart = false,
): Promise<{ status: number; body: T }> {
  const init: RequestInit = { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} };
  if (multipart) {
    const form = new FormData();
    form.append('file', new Blob([data.slice().buffer]), 'table.xlsx');
    init.body = form;
  } else {
    init.body = data.slice().buffer;
    init.headers = {
      ...init.headers,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  }
  const response = await fetch(`${baseUrl}${path}`, init);
  return { status: response.status, body: (await response.json()) as T };
}

/** A spreadsheet in the Chinese layout, as a unit or a secretary would fill it in by hand. */
export async function handMadeTable(rows: string[][], options: { headerRow?: number } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(['征求意见汇总处理表']);
  for (let r = 2; r < (options.headerRow ?? 3); r++) sheet.addRow([`标准名称：测试 ${r}`]);
  sheet.addRow(['序号', '标准章条编号', '意见内容', '修改建议', '提出单位', '处理意见', '备注']);
  for (const row of rows) sheet.addRow(row);
  sheet.addRow(['说明：①发送《征求意见稿》的单位数：5个；']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The visible rows of an exported table (between its header row and the footer). */
export async function tableRows(data: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data.slice().buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  let inTable = false;
  sheet.eachRow((row) => {
    const cells = [1, 2, 3, 4, 5, 6, 7].map((c) => row.getCell(c).text);
    if (cells[0] === '序号') inTable = true;
    else if (cells[0]?.startsWith('说明')) inTable = false;
    else if (inTable) rows.push(cells);
  });
  return rows;
}

/** Subscribes to a project's SSE stream and resolves with the first event matching `match`. */
export function waitForEvent(
  baseUrl: string,
  projectId: string,
  token: string,
  match: (type: string, data: unknown) => boolean,
  timeoutMs = 10_000,
): { ready: Promise<void>; event: Promise<unknown>; close(): void } {
  const controller = new AbortController();
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const event = (async (): Promise<unknown> => {
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(`${baseUrl}/api/projects/${projectId}/events`, {
        headers: { authorization: `Bearer ${token}` },
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error('event stream ended');
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1] ?? '';
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type === 'ready') markReady();
          if (data !== undefined && match(type, JSON.parse(data))) return JSON.parse(data) as unknown;
        }
      }
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  })();
  return { ready, event, close: () => controller.abort() };
}

export function itemBySeq(view: RoundView, seq: number): RoundView['items'][number] {
  const item = view.items.find((i) => i.seq === seq);
  if (!item) throw new Error(`no item ${seq}`);
  return item;
}
