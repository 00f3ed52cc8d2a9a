/**
 * 标准生产验证把关 (Annex 1, step 3): staff of a supervising bureau visit the lead unit and check that
 * it really produces to the draft's indicators. Every check is kept; 需整改 (rework) is followed by a
 * new check, and the gate asks that the latest one passed.
 */
export const PRODUCTION_CHECK_RESULTS = ['passed', 'rework'] as const;
export type ProductionCheckResult = (typeof PRODUCTION_CHECK_RESULTS)[number];

export const PRODUCTION_CHECK_RESULT_LABELS: Record<ProductionCheckResult, string> = {
  passed: '通过',
  rework: '需整改',
};

/** An indicator of the standard text's requirement tables checked on site, as it read then. */
export interface CheckedIndicator {
  /** The table cell's stable id in the standard text. */
  cellId: string;
  /** `表1 保温效能/℃` */
  place: string;
  /** The value the draft required at the time of the check. */
  value: string;
}

export interface ProductionCheck {
  id: string;
  projectId: string;
  /** The supervising bureau that checked. */
  bureauId: string;
  /** YYYY-MM-DD of the visit. */
  date: string;
  site: string;
  /** The products or batches seen. */
  products: string[];
  indicators: CheckedIndicator[];
  result: ProductionCheckResult;
  remarks: string;
  recordedBy: string;
  recordedAt: string;
}

/** Checks newest first: by the visit's date, then by when they were recorded. The first is the one that counts. */
export function newestFirst<T extends Pick<ProductionCheck, 'date' | 'recordedAt'>>(checks: readonly T[]): T[] {
  return [...checks].sort((a, b) => b.date.localeCompare(a.date) || b.recordedAt.localeCompare(a.recordedAt));
}
