/**
 * The stage workflow of Annex 1 as one table: what each stage allows, and every move between stages
 * with the action that makes it. The server enforces it (a move no action allows is refused) and
 * the client reads the same table (which buttons to show, the timeline).
 *
 *   立项 → 起草 → 征求意见 → 送审 → 技术审评 → 报批 → 发布与认定 → 复审
 *
 * - 起草 → 征求意见: opening the first consultation round;
 * - 征求意见 → 送审: the lead submits the 送审稿 (a submission, checked by the gate of `gates.ts`);
 * - 送审 → 技术审评 and 报批 → 发布与认定: the province accepts the submission (after the local
 *   bureau forwarded it);
 * - 技术审评 → 报批: the province closes a passed technical review (shared/workflow/reviews.ts);
 *   技术审评 → 送审: a failed review sends the 送审稿 back to be revised and submitted again;
 * - 发布与认定 → 复审: the first periodic review is recorded (shared/workflow/publication.ts);
 * - 立项 → 起草: the province moves the project on with a recorded note.
 */
import { PROJECT_STAGES, type ProjectStage } from '../domain/project.js';
import type { StandardStage } from '../editor/structure/names.js';

/** The drafts a submission is made of (the 征求意见稿 is sent out by a consultation round instead). */
export const SUBMISSION_STAGE_LABELS = ['送审稿', '报批稿'] as const satisfies readonly StandardStage[];
export type SubmissionStageLabel = (typeof SUBMISSION_STAGE_LABELS)[number];

export function isSubmissionStageLabel(value: string): value is SubmissionStageLabel {
  return (SUBMISSION_STAGE_LABELS as readonly string[]).includes(value);
}

/** What makes a project move from one stage to the next. */
export type StageAction =
  | 'open-round'
  | 'submit'
  | 'accept'
  | 'review-passed'
  | 'review-failed'
  | 'periodic-review'
  | 'province-move';

/**
 * Why nobody edits the texts: a submission waits for the bureaus, the submitted draft was accepted
 * and is under review, or the standard is published.
 */
export const TEXT_LOCK_REASONS = ['submission-pending', 'submission-accepted', 'published'] as const;
export type TextLockReason = (typeof TEXT_LOCK_REASONS)[number];

export function isTextLock(value: string | null): value is TextLockReason {
  return value !== null && (TEXT_LOCK_REASONS as readonly string[]).includes(value);
}

export interface StageRule {
  /** Locked texts in this stage, whatever the submissions (null: editable unless a submission waits). */
  textsLocked: Exclude<TextLockReason, 'submission-pending'> | null;
  /** Consultation rounds may be opened (only while the texts are editable). */
  opensRounds: boolean;
  /** The draft the lead submits from this stage, if any. */
  submits: SubmissionStageLabel | null;
}

export const STAGE_RULES: Record<ProjectStage, StageRule> = {
  approval: { textsLocked: null, opensRounds: false, submits: null },
  drafting: { textsLocked: null, opensRounds: true, submits: null },
  consultation: { textsLocked: null, opensRounds: true, submits: '送审稿' },
  // The 送审稿 was submitted: while it waits the texts are locked; after a return it is fixed and sent again.
  'review-submission': { textsLocked: null, opensRounds: true, submits: '送审稿' },
  'technical-review': { textsLocked: 'submission-accepted', opensRounds: false, submits: null },
  'approval-submission': { textsLocked: null, opensRounds: false, submits: '报批稿' },
  published: { textsLocked: 'published', opensRounds: false, submits: null },
  'periodic-review': { textsLocked: 'published', opensRounds: false, submits: null },
};

export interface StageTransition {
  from: ProjectStage;
  to: ProjectStage;
  by: StageAction;
}

/** Every move the workflow allows; nothing else changes a project's stage. */
export const STAGE_TRANSITIONS: readonly StageTransition[] = [
  { from: 'approval', to: 'drafting', by: 'province-move' },
  { from: 'drafting', to: 'consultation', by: 'open-round' },
  { from: 'consultation', to: 'review-submission', by: 'submit' },
  { from: 'review-submission', to: 'technical-review', by: 'accept' },
  { from: 'technical-review', to: 'approval-submission', by: 'review-passed' },
  { from: 'technical-review', to: 'review-submission', by: 'review-failed' },
  { from: 'approval-submission', to: 'published', by: 'accept' },
  { from: 'published', to: 'periodic-review', by: 'periodic-review' },
];

/**
 * The gate the project works toward in `stage`: the 送审稿's while drafting, consulting and after a
 * return, the 报批稿's from the technical review on; none once the 报批稿 is accepted.
 */
export function nextGate(stage: ProjectStage): SubmissionStageLabel | null {
  const index = stageIndex(stage);
  if (index >= stageIndex('drafting') && index <= stageIndex('review-submission')) return '送审稿';
  if (index >= stageIndex('technical-review') && index <= stageIndex('approval-submission')) return '报批稿';
  return null;
}

/** The move `action` makes from `stage`, if any. */
export function transitionFrom(stage: ProjectStage, action: StageAction): StageTransition | null {
  return STAGE_TRANSITIONS.find((t) => t.from === stage && t.by === action) ?? null;
}

/** The stages the province may move a project to from `stage` with a note (the next one only). */
export function provinceMovesFrom(stage: ProjectStage): ProjectStage[] {
  return STAGE_TRANSITIONS.filter((t) => t.from === stage && t.by === 'province-move').map((t) => t.to);
}

/** Position in the workflow (立项 = 0). */
export function stageIndex(stage: ProjectStage): number {
  return PROJECT_STAGES.indexOf(stage);
}

/** Why the texts are locked now: a waiting submission first, else the stage's own rule. */
export function textLockReason(stage: ProjectStage, submissionWaiting: boolean): TextLockReason | null {
  if (submissionWaiting) return 'submission-pending';
  return STAGE_RULES[stage].textsLocked;
}

/** The plan's due date applies until the standard is published (then nothing is overdue). */
export function dueDateApplies(stage: ProjectStage): boolean {
  return stageIndex(stage) < stageIndex('published');
}
