/**
 * 发布与认定: the province records the publication of a standard — its number (`T/ZZB NNNN—YYYY`),
 * the publication and implementation dates and, after the self-declaration, the registration number
 * of the recognition, `ZZB □XXXX-YYYY` (□ = T group, Q enterprise, D local standard; a 4-digit serial;
 * the year of recognition). Both numbers are unique among the projects; the registration number is
 * suggested as the next free serial of the year.
 */
import type { PublicationCategory } from '../domain/project.js';
import type { SubmittedDocument } from './submissions.js';

export const REGISTRATION_NUMBER = /^ZZB [TQD]\d{4}-\d{4}$/;

export interface Publication {
  /** The project's id (one publication per project). */
  id: string;
  projectId: string;
  standardNumber: string;
  /** YYYY-MM-DD */
  publicationDate: string;
  implementationDate: string;
  /** null until the province registers the recognition. */
  registrationNumber: string | null;
  recordedBy: string;
  recordedAt: string;
  /** The texts frozen as versions of kind `publication` at the last record. */
  documents: SubmittedDocument[];
}

/** The serial and year of a registration number ("ZZB T0007-2026" → 7, 2026), or null. */
export function registrationParts(number: string): { type: string; serial: number; year: number } | null {
  const match = /^ZZB ([TQD])(\d{4})-(\d{4})$/.exec(number);
  if (!match) return null;
  return { type: match[1] ?? '', serial: Number(match[2]), year: Number(match[3]) };
}

/** The next free registration number of the year for a standard of `category` (serials count per year over all types). */
export function suggestRegistrationNumber(
  taken: readonly string[],
  category: PublicationCategory,
  year: number,
): string {
  const used = taken
    .map(registrationParts)
    .filter((p): p is NonNullable<typeof p> => p !== null && p.year === year)
    .map((p) => p.serial);
  const next = Math.max(0, ...used) + 1;
  return `ZZB ${category}${String(next).padStart(4, '0')}-${year}`;
}

/** 复审 conclusions: 继续有效 keep, 修订 revise (a new project), 废止 abolish. */
export const PERIODIC_REVIEW_CONCLUSIONS = ['keep', 'revise', 'abolish'] as const;
export type PeriodicReviewConclusion = (typeof PERIODIC_REVIEW_CONCLUSIONS)[number];

export const PERIODIC_REVIEW_LABELS: Record<PeriodicReviewConclusion, string> = {
  keep: '继续有效',
  revise: '修订',
  abolish: '废止',
};

/** A periodic review (复审) of a published standard. */
export interface PeriodicReview {
  id: string;
  projectId: string;
  conclusion: PeriodicReviewConclusion;
  note: string;
  /** The revision project a 修订 created. */
  revisionProjectId: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** A standard published more than three years before `today` (YYYY-MM-DD) and never reviewed since is due for 复审. */
export function periodicReviewDue(publicationDate: string, lastReviewDate: string | null, today: string): boolean {
  const since = lastReviewDate && lastReviewDate > publicationDate ? lastReviewDate : publicationDate;
  const year = Number(since.slice(0, 4)) + 3;
  return `${year}${since.slice(4, 10)}` < today;
}
