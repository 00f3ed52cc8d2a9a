/**
 * The ISO/IEC commenting template (.xlsx): eight fixed columns — MB/NC · Line number ·
 * Clause/Subclause · Paragraph/Figure/Table/Note · Type of comment (ge/te/ed) · Comments ·
 * Proposed change · Observations of the secretariat — for groups that work with international bodies.
 */
import ExcelJS from 'exceljs';
import type { CommentElement, ConsultationItem, Decision } from '@shared/domain/consultation.js';
import { COMMENT_TYPE_ISO } from '@shared/domain/consultation.js';
import type { ConsultationTable } from './consultationTable.js';
import { boxed, mergedLine, styleBodyRow, styleHeaderRow } from './xlsxStyle.js';

export const ISO_COLUMNS = [
  'MB/NC¹',
  'Line number\n(e.g. 17)',
  'Clause/ Subclause\n(e.g. 3.1)',
  'Paragraph/ Figure/ Table/ Note\n(e.g. Table 1)',
  'Type of comment²',
  'Comments',
  'Proposed change',
  'Observations of the secretariat',
] as const;

const WIDTHS = [22, 9, 14, 18, 9, 46, 40, 40];

const DISPOSITIONS: Record<Decision, string> = {
  accepted: 'Accepted',
  'partly-accepted': 'Accepted in principle',
  rejected: 'Rejected',
};

const ELEMENTS: Record<CommentElement, string> = {
  paragraph: 'Paragraph',
  table: 'Table',
  figure: 'Figure',
  note: 'Note',
  other: '',
};

/** "Table 1" for 表1, "Figure A.2" for 图A.2, else the element's name. */
function elementCell(item: ConsultationItem): string {
  const numbered = item.clauseLabel.match(/^(表|图)\s*([A-Z]?\.?\d+(?:\.\d+)*)/);
  if (numbered) return `${numbered[1] === '表' ? 'Table' : 'Figure'} ${numbered[2]}`;
  return ELEMENTS[item.element];
}

function observations(item: ConsultationItem): string {
  if (!item.decision) return '';
  return item.reason ? `${DISPOSITIONS[item.decision]}. ${item.reason}` : DISPOSITIONS[item.decision];
}

export async function isoCommentsXlsx(table: ConsultationTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Comments', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddFooter: '&CPage &P of &N' },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  mergedLine(sheet, 'Template for comments and secretariat observations', ISO_COLUMNS.length, { bold: true, size: 14 });
  mergedLine(
    sheet,
    `Date: ${table.filledDate}    Document: ${table.header.standardName} (${table.draftLabel})    Project: ${table.round.title}`,
    ISO_COLUMNS.length,
  );
  const head = sheet.addRow([...ISO_COLUMNS]);
  styleHeaderRow(head);
  head.height = 42;
  for (const { item, unitName } of table.rows) {
    const row = sheet.addRow([
      unitName,
      '',
      item.clauseLabel,
      elementCell(item),
      COMMENT_TYPE_ISO[item.commentType],
      item.comment,
      item.proposedChange,
      observations(item),
    ]);
    styleBodyRow(row, [2, 3, 5]);
    row.eachCell({ includeEmpty: true }, boxed);
  }
  mergedLine(sheet, '¹ MB = Member body / NC = National Committee (here: the commenting unit)', ISO_COLUMNS.length, {
    size: 9,
  });
  mergedLine(sheet, '² Type of comment: ge = general  te = technical  ed = editorial', ISO_COLUMNS.length, { size: 9 });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
