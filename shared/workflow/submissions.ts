/**
 * Submissions (送审 / 报批): the lead submits a draft; the supervising local bureau checks it first
 * and accepts (forwards it to the province) or returns it with reasons; the province then accepts it
 * (the project moves on) or returns it. A returned submission is fixed and submitted again: every
 * submission is kept, numbered per draft (送审稿 1, 2, 3 …).
 */
import type { PackageManifest } from '../api/submissionPackage.js';
import type { DocumentKind, ProjectStage } from '../domain/project.js';
import type { GateChecklist } from './gates.js';
import type { SubmissionStageLabel } from './stages.js';

export const SUBMISSION_STATUSES = ['local-check', 'province-check', 'accepted', 'returned'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** The submission waits for a bureau (the texts are read-only meanwhile). */
export function isWaiting(status: SubmissionStatus): boolean {
  return status === 'local-check' || status === 'province-check';
}

/** Who checks at a step: the supervising local (city/county) bureau, then the province. */
export type CheckLevel = 'local' | 'province';

export function levelOf(status: SubmissionStatus): CheckLevel | null {
  if (status === 'local-check') return 'local';
  if (status === 'province-check') return 'province';
  return null;
}

export const SUBMISSION_DECISIONS = ['accept', 'return'] as const;
export type SubmissionDecisionKind = (typeof SUBMISSION_DECISIONS)[number];

/** One problem the bureau found, optionally anchored to a clause of the frozen standard text. */
export interface ReturnReason {
  text: string;
  /** The stable id of the chapter/clause/annex/table in the submitted standard text. */
  clauseId: string | null;
  /** Its label in the submitted text ("5.2", "附录A"), resolved by the server. */
  clauseLabel: string | null;
}

export interface SubmissionDecision {
  level: CheckLevel;
  decision: SubmissionDecisionKind;
  /** The reasons of a return (at least one); none for an acceptance. */
  reasons: ReturnReason[];
  /** A remark with an acceptance (or a return). */
  note: string;
  bureauId: string;
  decidedBy: string;
  decidedAt: string;
}

/** One frozen document of a submission. */
export interface SubmittedDocument {
  documentId: string;
  kind: DocumentKind;
  versionId: string;
}

/** The submission package (提交材料), built from the frozen versions after the submission is recorded. */
export type SubmissionPackageState =
  | { status: 'building' }
  | { status: 'ready'; fileName: string; size: number; manifest: PackageManifest }
  | { status: 'failed'; error: string };

export interface Submission {
  id: string;
  projectId: string;
  stageLabel: SubmissionStageLabel;
  /** 1, 2, 3 … per draft of the project. */
  number: number;
  /** The project's stage when it was submitted. */
  fromStage: ProjectStage;
  status: SubmissionStatus;
  documents: SubmittedDocument[];
  /** The checklist as the server computed it at submission. */
  checklist: GateChecklist;
  submittedBy: string;
  submittedAt: string;
  decisions: SubmissionDecision[];
  package: SubmissionPackageState;
}
