/** Response shapes of the stage workflow's API: progress, gates, submissions, production checks, dashboard. */
import type { BureauLevel } from '../domain/organization.js';
import type { ProjectStage } from '../domain/project.js';
import type { ProductionCheck } from '../workflow/productionChecks.js';
import type { StageLogEntry } from '../workflow/stageLog.js';
import type { SubmissionStageLabel, TextLockReason } from '../workflow/stages.js';
import type { CheckLevel, Submission, SubmissionDecision, SubmissionStatus } from '../workflow/submissions.js';
import type { DueState, StagePeriod } from '../workflow/time.js';

export type { GateChecklist, GateDetail, GateFix, GateItemResult } from '../workflow/gates.js';

/** A stage-log entry with who moved the project. */
export interface StageLogView extends StageLogEntry {
  actorName: string;
  actorOrganization: string;
}

/** A consultation round still open whose deadline passed while some units have not replied. */
export interface LateRound {
  roundId: string;
  number: number;
  deadline: string;
  notReplied: number;
}

/** What the caller may do in the workflow of this project now. */
export interface WorkflowActions {
  /** The draft the caller may submit now (the lead, in a stage that submits, nothing waiting). */
  submit: SubmissionStageLabel | null;
  /** Records production-verification checks (staff of a supervising bureau). */
  recordProductionCheck: boolean;
  /** Stages the caller may move the project to with a note (provincial bureau staff). */
  moveTo: ProjectStage[];
}

/** GET /api/projects/:id/workflow — where the project stands. */
export interface WorkflowStatus {
  projectId: string;
  stage: ProjectStage;
  /** Why the texts are read-only for everyone now (null: editable by the group). */
  textLock: TextLockReason | null;
  /** The gate the project works toward (the next draft to submit), if any. */
  nextGate: SubmissionStageLabel | null;
  due: DueState & { dueDate: string; startDate: string };
  /** The stages gone through, from the stage log, with days spent (the current one last). */
  periods: StagePeriod[];
  lateRounds: LateRound[];
  /** The latest submission, if any. */
  latestSubmission: { id: string; number: number; stageLabel: SubmissionStageLabel; status: SubmissionStatus } | null;
  actions: WorkflowActions;
  today: string;
}

export interface SubmissionDecisionView extends SubmissionDecision {
  decidedByName: string;
  bureauName: string;
}

/** A submission as the API shows it, with names and what the caller may do with it. */
export interface SubmissionView extends Omit<Submission, 'decisions'> {
  projectName: string;
  submittedByName: string;
  decisions: SubmissionDecisionView[];
  /** The check it waits for (null once accepted or returned). */
  waitingFor: CheckLevel | null;
  /** The caller's bureau acts on it now (accept or return). */
  mayDecide: boolean;
}

export interface ProductionCheckView extends ProductionCheck {
  bureauName: string;
  recordedByName: string;
}

/** One row of the bureau dashboard: a project of the caller's jurisdiction. */
export interface DashboardRow {
  projectId: string;
  nameZh: string;
  planNumber: string;
  leadOrganizationName: string;
  supervisingBureauNames: string[];
  stage: ProjectStage;
  /** When the project entered its stage. */
  stageSince: string;
  dueDate: string;
  due: DueState;
  /** The standard text's stored checker counts (null: never checked). */
  checker: { errors: number; warnings: number; checkedAt: string } | null;
  /** Consultation comments without a decision, all rounds. */
  openConsultationItems: number;
  lateRounds: number;
  submission: { id: string; number: number; stageLabel: SubmissionStageLabel; status: SubmissionStatus } | null;
  textLock: TextLockReason | null;
  lastActivity: string;
}

/** A submission waiting for the caller's bureau. */
export interface WaitingSubmission {
  submissionId: string;
  projectId: string;
  projectName: string;
  stageLabel: SubmissionStageLabel;
  number: number;
  level: CheckLevel;
  submittedAt: string;
  leadOrganizationName: string;
}

/** GET /api/dashboard — the caller's jurisdiction. */
export interface DashboardResponse {
  jurisdiction: {
    /** null for an administrator outside any bureau (every project). */
    bureauId: string | null;
    bureauName: string;
    level: BureauLevel | null;
    /** The administrative division the bureau covers (`33`, `3307`, `330784`); '' for all. */
    area: string;
  };
  today: string;
  rows: DashboardRow[];
  stageCounts: Record<ProjectStage, number>;
  waiting: WaitingSubmission[];
}
