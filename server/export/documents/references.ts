/**
 * What cross-references and indicator links read as in an export, exactly as the editor shows them:
 * a `crossRef` the current label of its target in the document itself, else in the standard text
 * (the drafting explanation and the application report point at its clauses and tables), else the
 * dangling-target text; an `indicatorRef` the current value of the standard text's table cell.
 */
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { DANGLING_REFERENCE_LABEL } from '@shared/editor/structure/names.js';
import type { Numbering } from '@shared/editor/structure/numberingTypes.js';
import { indicatorValues, numberedTables } from '@shared/editor/structure/tableCells.js';
import type { IndicatorValue } from '@shared/editor/structure/tableCells.js';

/** What an indicator link shows when its cell of the standard text is gone (the editor's text). */
export const DANGLING_INDICATOR_LABEL = '［指标已删除］';

export class ReferenceLabels {
  private readonly indicators: Record<string, IndicatorValue>;

  /**
   * @param own the numbering of the exported document
   * @param standard the standard text and its numbering (the same as `own` for the standard itself)
   */
  constructor(
    private readonly own: Numbering,
    private readonly standard: { json: ProseMirrorJSON; numbering: Numbering },
  ) {
    this.indicators = indicatorValues(numberedTables(standard.json, standard.numbering));
  }

  crossRef(targetId: unknown): string {
    if (typeof targetId !== 'string' || targetId.length === 0) return DANGLING_REFERENCE_LABEL;
    return this.own.byId[targetId]?.label ?? this.standard.numbering.byId[targetId]?.label ?? DANGLING_REFERENCE_LABEL;
  }

  indicator(targetId: unknown): string {
    const value = typeof targetId === 'string' ? this.indicators[targetId] : undefined;
    return value ? value.text : DANGLING_INDICATOR_LABEL;
  }
}
