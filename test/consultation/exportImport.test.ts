/**
 * The table leaves and re-enters the product as files: the Chinese .xlsx re-imports to the same
 * items, a bad file is refused row by row with nothing imported, the .docx opens in LibreOffice
 * with the items' text and "第 x 页 共 y 页", and the ISO template has its eight columns.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRejected, ImportResult, ItemView, RoundView } from '@shared/api/consultation.js';
import { demoProject, login, request } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { download, handMadeTable, ok, tableRows, upload } from './helpers.js';
import { PDFTOTEXT, SOFFICE, convert, pdfText } from './office.js';

let server: TestServer;
let lead = '';
let drafter = '';
let projectId = '';
let source: RoundView;

const UNITS = [
  '浙江晶盾日用品有限公司',
  '宁波锦程塑料制品有限公司',
  '浙江省日用金属制品标准化技术委员会',
  '杭州某某日用品有限公司',
];

async function openRound(): Promise<RoundView> {
  const drafterOrg = server.services.metadata
    .collection('users')
    .findOne({ email: 'drafter@example.com' })!.organizationId;
  return ok<RoundView>(server.url, 'POST', `/api/projects/${projectId}/rounds`, lead, {
    deadline: '2026-06-30',
    recipients: UNITS.map((unitName, i) => ({
      unitName,
      contact: `联系人${i + 1}`,
      organizationId: i === 0 ? drafterOrg : null,
    })),
  });
}

/** What must survive export and re-import. */
const essence = (i: ItemView): unknown[] => [
  i.seq,
  i.clauseLabel,
  i.clauseId,
  i.element,
  i.commentType,
  i.comment,
  i.proposedChange,
  i.unitName,
  i.submitterName,
  i.receivedDate,
  i.decision,
  i.reason,
];

beforeAll(async () => {
  server = await startTestServer();
  lead = await login(server.url, 'lead@example.com');
  drafter = await login(server.url, 'drafter@example.com');
  projectId = (await demoProject(server.url, lead)).project.id;
  source = await openRound();
  const rid = (name: string): string => source.round.recipients.find((r) => r.unitName === name)!.id;
  const add = (token: string, body: Record<string, unknown>): Promise<ItemView> =>
    ok<ItemView>(server.url, 'POST', `/api/rounds/${source.round.id}/items`, token, body);
  const decide = (item: ItemView, body: Record<string, unknown>): Promise<ItemView> =>
    ok<ItemView>(server.url, 'PATCH', `/api/rounds/${source.round.id}/items/${item.id}`, lead, body);
  const a = await add(drafter, {
    recipientId: rid(UNITS[0]!),
    clauseLabel: '6.4',
    commentType: 'technical',
    comment: '容量偏差试验未规定水温。\n建议与6.6一致。',
    proposedChange: '增加“用（20±5）℃的水”。',
  });
  const b = await add(lead, {
    recipientId: rid(UNITS[1]!),
    clauseLabel: '表1',
    element: 'table',
    commentType: 'editorial',
    comment: '表1的单位“ml”应为“mL”。',
    proposedChange: '改为“mL”。',
    submitterName: '赵一鸣',
    receivedDate: '2026-05-08',
  });
  const c = await add(lead, {
    recipientId: rid(UNITS[1]!),
    clauseLabel: '全文',
    commentType: 'general',
    comment: '术语“保温杯”与“真空保温杯”混用。',
    proposedChange: '',
    submitterName: '赵一鸣',
    receivedDate: '2026-05-08',
  });
  await add(lead, {
    recipientId: rid(UNITS[1]!),
    clauseLabel: '5.1.2',
    commentType: 'technical',
    comment: '焊缝要求过于笼统。',
    proposedChange: '规定焊缝不应有裂纹、气孔。',
    submitterName: '钱工',
    receivedDate: '2026-05-09',
  });
  await ok(server.url, 'POST', `/api/rounds/${source.round.id}/recipients/${rid(UNITS[2]!)}/no-comments`, lead);
  await decide(a, { decision: 'accepted' });
  await decide(b, { decision: 'partly-accepted', reason: '表1已改为“mL”，表2保持不变。' });
  await decide(c, { decision: 'rejected', reason: '“保温杯”是“真空保温杯”的简称，已在第3章定义。' });
  source = await ok<RoundView>(server.url, 'GET', `/api/rounds/${source.round.id}`, lead);
});

afterAll(async () => {
  await server.dispose();
});

describe('the Chinese .xlsx', () => {
  it('has the header, the seven columns and the computed footer', async () => {
    const file = await download(server.url, `/api/rounds/${source.round.id}/export.xlsx`, drafter);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    expect(decodeURIComponent(file.disposition)).toContain('征求意见汇总处理表');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.data.slice().buffer);
    const sheet = workbook.worksheets[0]!;
    const lines: string[] = [];
    sheet.eachRow((row) => lines.push(row.getCell(1).text));
    expect(lines[0]).toBe('征求意见汇总处理表');
    expect(lines[1]).toContain('标准名称：轻量化不锈钢真空保温杯');
    expect(lines[2]).toBe('负责起草单位：浙江恒川杯业股份有限公司');
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      '序号',
      '标准章条编号',
      '意见内容',
      '修改建议',
      '提出单位',
      '处理意见',
      '备注',
    ]);
    expect(sheet.headerFooter.oddFooter).toContain('&P');
    expect(lines.join('\n')).toContain('①发送《征求意见稿》的单位数：4个');
    expect(lines.join('\n')).toContain('②收到《征求意见稿》后，回函的单位数：3个');
    expect(lines.join('\n')).toContain('③收到《征求意见稿》后，回函并有建议或意见的单位数：2个');
    expect(lines.join('\n')).toContain('④没有回函的单位数：1个');
    expect(lines.join('\n')).toContain('共收到意见4条，其中采纳1条，部分采纳1条，不采纳1条，尚未处理1条。');
    const rows = await tableRows(file.data);
    expect(rows.map((r) => [r[0], r[1], r[4], r[5]])).toEqual([
      ['1', '6.4', UNITS[0], '采纳'],
      ['2', '表1', UNITS[1], '部分采纳'],
      ['3', '全文', UNITS[1], '不采纳'],
      ['4', '5.1.2', UNITS[1], ''],
    ]);
  });

  it('sorts by clause on request', async () => {
    const file = await download(server.url, `/api/rounds/${source.round.id}/export.xlsx?sort=clause`, lead);
    expect((await tableRows(file.data)).map((r) => r[1])).toEqual(['全文', '5.1.2', '6.4', '表1']);
    expect(
      (await request(server.url, 'GET', `/api/rounds/${source.round.id}/export.xlsx?sort=size`, { token: lead }))
        .status,
    ).toBe(400);
  });

  it('re-imports to the same items', async () => {
    const file = await download(server.url, `/api/rounds/${source.round.id}/export.xlsx`, lead);
    const target = await openRound();
    const imported = await upload<ImportResult>(server.url, `/api/rounds/${target.round.id}/import`, lead, file.data);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    const after = await ok<RoundView>(server.url, 'GET', `/api/rounds/${target.round.id}`, lead);
    expect(after.items.map(essence)).toEqual(source.items.map(essence));
    expect(after.items.every((i) => i.source === 'import')).toBe(true);
    expect(after.summary).toMatchObject({
      items: 4,
      accepted: 1,
      partlyAccepted: 1,
      rejected: 1,
      open: 1,
      repliedWithComments: 2,
    });
  });

  it('refuses a bad file row by row and imports nothing', async () => {
    const target = await openRound();
    const file = await handMadeTable(
      [
        ['1', '5.2', '正常的一行', '', UNITS[0]!, '', ''],
        ['2', '5.3', '', '意见为空', UNITS[0]!, '', ''],
        ['3', '5.4', '处理意见写错', '', UNITS[1]!, '同意', ''],
        ['4', '6.1', '不采纳但无理由', '', UNITS[1]!, '不采纳', ''],
        ['5', '6.2', '单位不在名单上', '', '不存在的单位', '', ''],
        ['6', '', '章条编号为空', '', UNITS[0]!, '', ''],
      ],
      { headerRow: 4 },
    );
    const rejected = await upload<ImportRejected>(server.url, `/api/rounds/${target.round.id}/import`, lead, file);
    expect(rejected.status).toBe(400);
    expect(rejected.body.error).toMatch(/nothing was imported/);
    expect(rejected.body.rows.map((r) => [r.row, r.column])).toEqual([
      [6, '意见内容'],
      [7, '处理意见'],
      [8, '备注'],
      [9, '提出单位'],
      [10, '标准章条编号'],
    ]);
    expect(rejected.body.issues[0]!.path).toBe('row 6 意见内容');
    const after = await ok<RoundView>(server.url, 'GET', `/api/rounds/${target.round.id}`, lead);
    expect(after.items).toEqual([]);
    expect(after.round.recipients).toHaveLength(UNITS.length);
    const notXlsx = await upload<ImportRejected>(
      server.url,
      `/api/rounds/${target.round.id}/import`,
      lead,
      new TextEncoder().encode('序号,意见内容'),
    );
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.rows[0]!.message).toMatch(/not a readable \.xlsx/);
  });

  it('adds unknown units as recipients when asked to', async () => {
    const target = await openRound();
    const file = await handMadeTable([['1', '5.2', '新单位的意见', '', '温州新来单位有限公司', '', '']]);
    const imported = await upload<ImportResult>(
      server.url,
      `/api/rounds/${target.round.id}/import?createRecipients=1`,
      lead,
      file,
    );
    expect(imported.status).toBe(200);
    expect(imported.body.createdRecipients).toEqual(['温州新来单位有限公司']);
    const after = await ok<RoundView>(server.url, 'GET', `/api/rounds/${target.round.id}`, lead);
    expect(after.summary).toMatchObject({ sent: UNITS.length + 1, repliedWithComments: 1 });
  });
});

describe('the .docx', () => {
  it('is a Word document with the table', async () => {
    const file = await download(server.url, `/api/rounds/${source.round.id}/export.docx`, lead);
    expect(file.status).toBe(200);
    expect(file.type).toContain('wordprocessingml');
    expect(Buffer.from(file.data.subarray(0, 2)).toString()).toBe('PK');
  });

  it.skipIf(!SOFFICE)(
    'opens in LibreOffice with the items, header and footer counts',
    { timeout: 180_000 },
    async () => {
      const file = await download(server.url, `/api/rounds/${source.round.id}/export.docx`, lead);
      const { output, log } = await convert(file.data, 'table.docx', 'txt:Text (encoded):UTF8', 'txt');
      const text = new TextDecoder().decode(output);
      console.info(`soffice: ${log.trim()}\n--- txt ---\n${text.slice(0, 1500)}`);
      expect(text).toContain('征求意见汇总处理表');
      expect(text).toContain('标准名称：轻量化不锈钢真空保温杯（征求意见稿）');
      expect(text).toContain('负责起草单位：浙江恒川杯业股份有限公司');
      for (const item of source.items) {
        expect(text).toContain(item.comment.split('\n')[0]);
        if (item.proposedChange) expect(text).toContain(item.proposedChange);
        if (item.reason) expect(text).toContain(item.reason);
      }
      expect(text).toContain('部分采纳');
      expect(text).toContain('④没有回函的单位数：1个');
      if (PDFTOTEXT) {
        const pdf = await convert(file.data, 'table.docx', 'pdf', 'pdf');
        const printed = await pdfText(pdf.output);
        console.info(`--- pdf ---\n${printed.slice(0, 2500)}`);
        expect(printed).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);
      }
    },
  );
});

describe('the ISO/IEC template', () => {
  it('has the eight columns and the dispositions', async () => {
    const file = await download(server.url, `/api/rounds/${source.round.id}/export-iso.xlsx`, lead);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.data.slice().buffer);
    const sheet = workbook.worksheets[0]!;
    const header = sheet.getRow(3);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => header.getCell(c).text.split('\n')[0])).toEqual([
      'MB/NC¹',
      'Line number',
      'Clause/ Subclause',
      'Paragraph/ Figure/ Table/ Note',
      'Type of comment²',
      'Comments',
      'Proposed change',
      'Observations of the secretariat',
    ]);
    const second = sheet.getRow(5);
    expect([1, 3, 4, 5, 8].map((c) => second.getCell(c).text)).toEqual([
      UNITS[1],
      '表1',
      'Table 1',
      'ed',
      'Accepted in principle. 表1已改为“mL”，表2保持不变。',
    ]);
    expect(sheet.getRow(4).getCell(5).text).toBe('te');
  });
});
