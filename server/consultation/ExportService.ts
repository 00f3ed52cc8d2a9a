/** The 征求意见汇总处理表 of a round as files: .xlsx, .docx and the ISO/IEC commenting template. */
import type { RoundGrant } from '../access/consultationAccess.js';
import { consultationDocx } from '../export/consultationDocx.js';
import type { TableSort } from '../export/consultationTable.js';
import { buildConsultationTable, exportFileName } from '../export/consultationTable.js';
import { consultationXlsx } from '../export/consultationXlsx.js';
import { isoCommentsXlsx } from '../export/isoCommentsXlsx.js';
import type { MetadataStore } from '../storage/types.js';
import { roundItems } from './views.js';

export type ExportFormat = 'xlsx' | 'docx' | 'iso-xlsx';

export interface ExportedFile {
  data: Uint8Array;
  fileName: string;
}

export class ExportService {
  constructor(private readonly store: MetadataStore) {}

  async file(grant: RoundGrant, format: ExportFormat, sort: TableSort): Promise<ExportedFile> {
    const { project, round } = grant;
    const table = buildConsultationTable(this.store, project, round, roundItems(this.store, round.id), sort);
    switch (format) {
      case 'xlsx':
        return { data: await consultationXlsx(table), fileName: exportFileName(table, '', 'xlsx') };
      case 'docx':
        return { data: await consultationDocx(table), fileName: exportFileName(table, '', 'docx') };
      case 'iso-xlsx':
        return { data: await isoCommentsXlsx(table), fileName: exportFileName(table, '-ISO', 'xlsx') };
    }
  }
}
