/** The 审查意见汇总处理表 of a technical review as files: .xlsx, .docx and the ISO/IEC commenting template. */
import type { ReviewGrant } from '../../access/reviewAccess.js';
import { consultationDocx } from '../../export/consultationDocx.js';
import type { TableSort } from '../../export/consultationTable.js';
import { consultationXlsx } from '../../export/consultationXlsx.js';
import { isoCommentsXlsx } from '../../export/isoCommentsXlsx.js';
import { Forbidden } from '../../domain/errors.js';
import type { MetadataStore } from '../../storage/types.js';
import { seesOnlyOwn } from '../../access/reviewAccess.js';
import { buildReviewTable, reviewTableFileName } from './reviewTable.js';

export type ReviewExportFormat = 'xlsx' | 'docx' | 'iso-xlsx';

export class ReviewExports {
  constructor(private readonly store: MetadataStore) {}

  /** The whole table: refused to an expert while the review is open (they see only their own comments). */
  async file(
    grant: ReviewGrant,
    format: ReviewExportFormat,
    sort: TableSort,
  ): Promise<{ data: Uint8Array; fileName: string }> {
    if (seesOnlyOwn(grant.review, grant.user))
      throw new Forbidden('the experts see the whole table once the review is closed');
    const table = buildReviewTable(this.store, grant.project, grant.review, sort);
    switch (format) {
      case 'xlsx':
        return { data: await consultationXlsx(table), fileName: reviewTableFileName(table, '', 'xlsx') };
      case 'docx':
        return { data: await consultationDocx(table), fileName: reviewTableFileName(table, '', 'docx') };
      case 'iso-xlsx':
        return { data: await isoCommentsXlsx(table), fileName: reviewTableFileName(table, '-ISO', 'xlsx') };
    }
  }
}
