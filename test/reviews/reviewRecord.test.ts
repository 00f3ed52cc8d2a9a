/** What the 报批稿 gate reads from the 编制说明: a passage on the technical review that states its conclusion. */
import { describe, expect, it } from 'vitest';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { reviewRecordOf } from '@shared/workflow/reviewRecord.js';

const text = (t: string): ProseMirrorJSON => ({ type: 'text', text: t });
const paragraph = (t: string): ProseMirrorJSON => ({ type: 'paragraph', content: [text(t)] });
const row = (...cells: string[]): ProseMirrorJSON => ({
  type: 'tableRow',
  content: cells.map((c) => ({ type: 'tableCell', content: [paragraph(c)] })),
});
const doc = (...content: ProseMirrorJSON[]): ProseMirrorJSON => ({ type: 'doc', content });
const table = (...rows: ProseMirrorJSON[]): ProseMirrorJSON => ({
  type: 'table',
  attrs: { id: 'process' },
  content: rows,
});

describe('the explanation records the review conclusion', () => {
  it('a row of the work-process table that states the outcome', () => {
    const recorded = reviewRecordOf(
      doc(table(row('技术审评', '2026年7月1日', '召开技术审评会，审评结论：修改后通过。'))),
    );
    expect(recorded).toEqual({ recorded: true, nodeId: 'process' });
  });

  it('a plan before the review, or a placeholder, is not a record', () => {
    expect(reviewRecordOf(doc(table(row('技术审评', '2026年6月（计划）', '报省局组织技术审评。')))).recorded).toBe(
      false,
    );
    expect(reviewRecordOf(doc(paragraph('技术审评［在此填写审评结论：通过/不通过］'))).recorded).toBe(false);
    expect(reviewRecordOf(doc(paragraph('本标准通过了验证。')))).toEqual({ recorded: false, nodeId: null });
  });

  it('a paragraph on the review with its conclusion', () => {
    expect(reviewRecordOf(doc(paragraph('2026年7月1日，专家组审评通过本标准。'))).recorded).toBe(true);
  });
});
