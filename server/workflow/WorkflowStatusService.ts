/** Where a project stands in the workflow (GET /api/projects/:id/workflow): stage, lock, time, next gate, the caller's actions. */
import type { LateRound, WorkflowStatus } from '@shared/api/workflow.js';
import type { ConsultationStats } from '@shared/api/consultation.js';
import { STAGE_RULES, nextGate, provinceMovesFrom } from '@shared/workflow/stages.js';
import { chinaDay, dueState, roundOverdue, stagePeriods } from '@shared/workflow/time.js';
import type { ProjectGrant } from '../access/projectAccess.js';
import { textLockOf } from '../access/textLock.js';
import { mayMoveStage, maySubmit, productionCheckBureau } from '../access/workflowAccess.js';
import type { MetadataStore } from '../storage/types.js';
import type { StageLog } from './StageLog.js';

/** The rounds of these statistics that are late (deadline passed, units without reply, still open). */
export function lateRounds(stats: readonly ConsultationStats[], today: string): LateRound[] {
  return stats
    .filter((s) => roundOverdue({ closed: s.closed, deadline: s.deadline, notReplied: s.summary.notReplied }, today))
    .map((s) => ({ roundId: s.id, number: s.roundNumber, deadline: s.deadline, notReplied: s.summary.notReplied }));
}

export class WorkflowStatusService {
  constructor(
    private readonly store: MetadataStore,
    private readonly stageLog: StageLog,
  ) {}

  status({ project, user, access }: ProjectGrant): WorkflowStatus {
    const now = new Date().toISOString();
    const today = chinaDay(now);
    const textLock = textLockOf(this.store, project);
    const latest = this.store
      .collection('submissions')
      .findMany({ projectId: project.id })
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))[0];
    const submits = STAGE_RULES[project.stage].submits;
    const stats = this.store.collection('consultationStats').findMany({ projectId: project.id });
    return {
      projectId: project.id,
      stage: project.stage,
      textLock,
      nextGate: nextGate(project.stage),
      due: {
        ...dueState(project.dueDate, project.stage, today),
        dueDate: project.dueDate,
        startDate: project.startDate,
      },
      periods: stagePeriods(this.stageLog.entries(project), now),
      lateRounds: lateRounds(stats, today).sort((a, b) => a.number - b.number),
      latestSubmission: latest
        ? { id: latest.id, number: latest.number, stageLabel: latest.stageLabel, status: latest.status }
        : null,
      actions: {
        submit: maySubmit(access) && submits && textLock !== 'submission-pending' ? submits : null,
        recordProductionCheck: productionCheckBureau(this.store, user, project) !== null,
        moveTo: mayMoveStage(this.store, user, project) ? provinceMovesFrom(project.stage) : [],
      },
      today,
    };
  }
}
