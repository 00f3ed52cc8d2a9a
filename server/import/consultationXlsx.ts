/**
 * Reading a 征求意见汇总处理表 (.xlsx) in the Chinese layout: the header row (序号 · 标准章条编号 ·
 * 意见内容 · 修改建议 · 提出单位 · 处理意见 · 备注) is found wherever it is in the first rows; the rows
 * below it up to the footer (说明：① …) are the items. Each row is checked on its own and every
 * problem is reported with its row number; the caller imports only if there is none.
 */
import ExcelJS from 'exceljs';
import type { ImportRowProblem } from '@shared/api/consultation.js';
import type { CommentElement, CommentType, Decision } from '@shared/domain/consultation.js';
import { COMMENT_ELEMENTS, COMMENT_TYPES, DECISION_LABELS } from '@shared/domain/consultation.js';
import { DETAILS_COLUMNS, DETAILS_SHEET } from '../export/consultationXlsx.js';
import { cellText } from './cellText.js';
import { ArchiveRefused, boundedArchive } from './xlsxArchive.js';

export interface ImportedRow {
  /** The worksheet row number. */
  row: number;
  clauseLabel: string;
  comment: string;
  proposedChange: string;
  unitName: string;
  decision: Decision | null;
  reason: string;
  /** From the companion sheet of an exported file, when it matches the row. */
  details: ImportedDetails | null;
}

export interface ImportedDetails {
  clauseId: string | null;
  element: CommentElement;
  commentType: CommentType;
  submitterName: string;
  receivedDate: string;
}

export interface ParsedImport {
  rows: ImportedRow[];
  problems: ImportRowProblem[];
}

type Field = 'seq' | 'clause' | 'comment' | 'proposedChange' | 'unit' | 'decision' | 'reason';

/** Accepted header texts per column (the standard words first). */
const HEADERS: Record<Field, string[]> = {
  seq: ['序号'],
  clause: ['标准章条编号', '章条编号', '章条号', '条款号', '条款'],
  comment: ['意见内容', '意见', '修改意见'],
  proposedChange: ['修改建议', '建议'],
  unit: ['提出单位', '单位'],
  decision: ['处理意见', '处理结果'],
  reason: ['备注', '理由', '处理说明'],
};
const REQUIRED: Field[] = ['clause', 'comment', 'unit'];
const COLUMN_NAMES: Record<Field, string> = {
  seq: '序号',
  clause: '标准章条编号',
  comment: '意见内容',
  proposedChange: '修改建议',
  unit: '提出单位',
  decision: '处理意见',
  reason: '备注',
};
const HEADER_SEARCH_ROWS = 20;
/** Rows read from a sheet (a consultation has hundreds of comments, not a million empty rows). */
const MAX_ROWS = 10_000;
const MAX_TEXT = 5000;

const DECISION_WORDS = new Map<string, Decision>(
  (Object.entries(DECISION_LABELS) as [Decision, string][]).map(([decision, label]) => [label, decision]),
);

const normalizeHeader = (text: string): string => text.replace(/\s+/g, '').replace(/[（(].*[)）]$/, '');

function findHeader(sheet: ExcelJS.Worksheet): { row: number; columns: Partial<Record<Field, number>> } | null {
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const columns: Partial<Record<Field, number>> = {};
    sheet.getRow(r).eachCell((cell, col) => {
      const text = normalizeHeader(cellText(cell));
      for (const field of Object.keys(HEADERS) as Field[]) {
        if (columns[field] === undefined && HEADERS[field].includes(text)) columns[field] = col;
      }
    });
    if (REQUIRED.every((f) => columns[f] !== undefined)) return { row: r, columns };
  }
  return null;
}

/** The footer starts with 说明 / ① / 注 in the first cell. */
const isFooter = (first: string): boolean => /^(说明|①|注[:：]|共收到)/.test(first);

function readDetails(workbook: ExcelJS.Workbook): Map<string, ImportedDetails & { comment: string }> {
  const map = new Map<string, ImportedDetails & { comment: string }>();
  const sheet = workbook.getWorksheet(DETAILS_SHEET);
  if (!sheet) return map;
  const header = DETAILS_COLUMNS.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1)));
  if (header.join() !== DETAILS_COLUMNS.join()) return map;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = DETAILS_COLUMNS.map((_, i) => cellText(sheet.getRow(r).getCell(i + 1)));
    const [seq, comment, clauseId, element, commentType, submitterName, receivedDate] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (
      !(COMMENT_ELEMENTS as readonly string[]).includes(element) ||
      !(COMMENT_TYPES as readonly string[]).includes(commentType)
    )
      continue;
    map.set(seq, {
      comment,
      clauseId: clauseId || null,
      element: element as CommentElement,
      commentType: commentType as CommentType,
      submitterName,
      receivedDate: /^\d{4}-\d{2}-\d{2}$/.test(receivedDate) ? receivedDate : '',
    });
  }
  return map;
}

export async function parseConsultationXlsx(data: Uint8Array): Promise<ParsedImport> {
  const refused = (message: string): ParsedImport => ({ rows: [], problems: [{ row: 0, column: null, message }] });
  let archive: Uint8Array;
  try {
    archive = boundedArchive(data);
  } catch (error) {
    if (error instanceof ArchiveRefused) return refused(error.message);
    throw error;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS reads an ArrayBuffer (its typings call it Buffer); the fresh archive owns exactly its buffer.
    await workbook.xlsx.load(archive.slice().buffer);
  } catch {
    return refused('the file is not a readable .xlsx workbook');
  }
  const tooLong = workbook.worksheets.find((s) => s.rowCount > MAX_ROWS);
  if (tooLong) return refused(`the sheet ${tooLong.name} has more than ${MAX_ROWS} rows`);
  const sheet = workbook.worksheets.find((s) => s.state === 'visible' && findHeader(s) !== null);
  const header = sheet ? findHeader(sheet) : null;
  if (!sheet || !header) {
    return {
      rows: [],
      problems: [
        {
          row: 0,
          column: null,
          message: `no header row with 标准章条编号, 意见内容 and 提出单位 in the first ${HEADER_SEARCH_ROWS} rows`,
        },
      ],
    };
  }
  const details = readDetails(workbook);
  const rows: ImportedRow[] = [];
  const problems: ImportRowProblem[] = [];
  const text = (r: ExcelJS.Row, field: Field): string => {
    const col = header.columns[field];
    return col === undefined ? '' : cellText(r.getCell(col));
  };
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values = (Object.keys(HEADERS) as Field[]).map((f) => text(row, f));
    if (values.every((v) => v === '')) continue;
    if (isFooter(cellText(row.getCell(1)))) break;
    const problem = (field: Field | null, message: string): void => {
      problems.push({ row: r, column: field ? COLUMN_NAMES[field] : null, message });
    };
    const before = problems.length;
    const comment = text(row, 'comment');
    const unitName = text(row, 'unit');
    const decisionText = text(row, 'decision').replace(/\s+/g, '');
    const reason = text(row, 'reason');
    if (!text(row, 'clause'))
      problem('clause', '标准章条编号 is empty (write the clause number, or 全文 for the whole text)');
    if (!comment) problem('comment', '意见内容 is empty');
    if (!unitName) problem('unit', '提出单位 is empty');
    for (const field of ['clause', 'comment', 'proposedChange', 'reason'] as const) {
      if (text(row, field).length > MAX_TEXT) problem(field, `longer than ${MAX_TEXT} characters`);
    }
    const decision = decisionText === '' ? null : (DECISION_WORDS.get(decisionText) ?? null);
    if (decisionText !== '' && decision === null)
      problem('decision', `处理意见 must be 采纳, 部分采纳 or 不采纳 (or empty), not "${decisionText}"`);
    if ((decision === 'partly-accepted' || decision === 'rejected') && !reason)
      problem('reason', `备注 (the reason) is required for ${decisionText}`);
    if (problems.length > before) continue;
    const seq = text(row, 'seq');
    const detail = details.get(seq);
    rows.push({
      row: r,
      clauseLabel: text(row, 'clause'),
      comment,
      proposedChange: text(row, 'proposedChange'),
      unitName,
      decision,
      reason,
      details: detail && detail.comment === comment ? detail : null,
    });
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ row: header.row, column: null, message: 'no comment rows below the header' });
  return { rows, problems };
}
