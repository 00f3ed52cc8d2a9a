/**
 * The recognition list (认定目录): every standard the province registered, with its number,
 * registration number, name, lead unit and dates — for every signed-in user, and as .xlsx.
 */
import ExcelJS from 'exceljs';
import type { RecognitionRow } from '@shared/api/reviews.js';
import { PERIODIC_REVIEW_LABELS, periodicReviewDue, registrationParts } from '@shared/workflow/publication.js';
import { mergedLine, styleBodyRow, styleHeaderRow } from '../../export/xlsxStyle.js';
import type { MetadataStore } from '../../storage/types.js';

export const RECOGNITION_LIST_TITLE = '“浙江制造”标准认定目录';

const COLUMNS = ['序号', '标准编号', '登记号', '标准名称', '主要起草单位', '发布日期', '实施日期', '状态'] as const;
const WIDTHS = [6, 20, 18, 36, 32, 12, 12, 16];

/** The registered standards, by registration year and serial. */
export function recognitionList(store: MetadataStore): RecognitionRow[] {
  const projects = store.collection('projects');
  const organizations = store.collection('organizations');
  const rows: RecognitionRow[] = [];
  const today = new Date().toISOString().slice(0, 10);
  for (const publication of store.collection('publications').findMany()) {
    const project = projects.get(publication.projectId);
    if (!project || !publication.registrationNumber) continue;
    const reviews = store
      .collection('periodicReviews')
      .findMany({ projectId: project.id })
      .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
    const last = reviews.at(-1) ?? null;
    const abolished = reviews.some((r) => r.conclusion === 'abolish');
    rows.push({
      projectId: project.id,
      standardNumber: publication.standardNumber,
      registrationNumber: publication.registrationNumber,
      nameZh: project.nameZh,
      leadOrganizationName: organizations.get(project.leadOrganizationId)?.name ?? '',
      publicationDate: publication.publicationDate,
      implementationDate: publication.implementationDate,
      abolished,
      lastPeriodicReview: last?.conclusion ?? null,
      periodicReviewDue:
        !abolished && periodicReviewDue(publication.publicationDate, last?.recordedAt.slice(0, 10) ?? null, today),
    });
  }
  const key = (row: RecognitionRow) => {
    const parts = registrationParts(row.registrationNumber);
    return parts ? parts.year * 10_000 + parts.serial : 0;
  };
  return rows.sort((a, b) => key(a) - key(b));
}

/** 有效 / 废止, with the latest 复审 conclusion and a due review. */
export function statusOf(row: RecognitionRow): string {
  if (row.abolished) return '废止';
  const reviewed = row.lastPeriodicReview ? `有效（复审：${PERIODIC_REVIEW_LABELS[row.lastPeriodicReview]}）` : '有效';
  return row.periodicReviewDue ? `${reviewed}；应复审` : reviewed;
}

export async function recognitionListXlsx(rows: readonly RecognitionRow[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('认定目录');
  sheet.columns = WIDTHS.map((width) => ({ width }));
  mergedLine(sheet, RECOGNITION_LIST_TITLE, COLUMNS.length, { bold: true, size: 16, center: true }).height = 28;
  styleHeaderRow(sheet.addRow([...COLUMNS]));
  rows.forEach((row, index) => {
    const added = sheet.addRow([
      index + 1,
      row.standardNumber,
      row.registrationNumber,
      row.nameZh,
      row.leadOrganizationName,
      row.publicationDate,
      row.implementationDate,
      statusOf(row),
    ]);
    styleBodyRow(added, [1, 2, 3, 6, 7, 8]);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
