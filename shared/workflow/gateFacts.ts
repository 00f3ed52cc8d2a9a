/**
 * What the server knows about a project when it computes a gate: the facts every gate item reads.
 * The server gathers them (stored checker counts, the documents, the consultation records, the
 * drafting group, the production checks); the items of `gates.ts` only read them, so the rules are
 * the same wherever they run. A later item adds the facts it needs here.
 */
import type { Finding } from '../checker/types.js';
import type { DocumentKind } from '../domain/project.js';
import type { MemberRelation } from '../domain/roles.js';
import type { CoverField } from '../editor/structure/names.js';
import type { DocumentSpot } from './documentCompleteness.js';
import type { ProductionCheckResult } from './productionChecks.js';
import type { ReviewRecordFact } from './reviewRecord.js';

export interface CheckerFacts {
  documentId: string;
  /** null: the text was never checked. */
  counts: { errors: number; warnings: number } | null;
  checkedAt: string | null;
  /** The findings, when the check was run for this gate (at submission); else only the counts. */
  findings: Finding[] | null;
}

/** An item of a consultation round, as the gate reads it. */
export interface RoundItemFact {
  id: string;
  seq: number;
  clauseLabel: string;
}

export interface RoundFacts {
  id: string;
  number: number;
  closed: boolean;
  items: number;
  /** Items without a decision. */
  undecided: RoundItemFact[];
  /** 部分采纳 / 不采纳 without a reason. */
  withoutReason: RoundItemFact[];
}

export interface CompletenessFacts {
  documentId: string;
  placeholders: DocumentSpot[];
  emptySections: DocumentSpot[];
}

export interface GroupUnitFact {
  organizationId: string;
  organizationName: string;
  relation: MemberRelation;
}

export interface ProductionCheckFact {
  id: string;
  date: string;
  result: ProductionCheckResult;
  bureauName: string;
}

/** The project's latest closed technical review and how its comments are decided. */
export interface ReviewFacts {
  id: string;
  number: number;
  passed: boolean;
  /** 通过 + 修改后通过, and the experts invited. */
  inFavour: number;
  experts: number;
  items: number;
  /** Comments without a decision. */
  undecided: RoundItemFact[];
  /** 部分采纳 / 不采纳 without a reason. */
  withoutReason: RoundItemFact[];
}

export interface GateFacts {
  projectId: string;
  documents: Record<DocumentKind, string>;
  standardChecker: CheckerFacts;
  /** The standard text's cover fields ('' when empty); null when the text has no cover. */
  cover: Record<CoverField, string> | null;
  rounds: RoundFacts[];
  explanation: CompletenessFacts;
  applicationReport: CompletenessFacts;
  /** The explanation's indicator links: how many, and how many point at a value of the standard text. */
  indicatorLinks: { total: number; resolved: number };
  /** The units of the drafting group with their relation (one entry per organization and relation). */
  group: GroupUnitFact[];
  /** Every production-verification check, newest first. */
  productionChecks: ProductionCheckFact[];
  /** The latest closed technical review (null: none closed yet). */
  review: ReviewFacts | null;
  /** Whether the explanation records the review's conclusion. */
  explanationReview: ReviewRecordFact & { documentId: string };
}
