/**
 * Moves a project between stages — only as the stage table allows (shared/workflow/stages.ts) and
 * only through a workflow action: opening the first consultation round, submitting, a bureau's
 * acceptance, or the province's move with a note. Every move is in the stage log and the audit log;
 * the texts' lock may change with the stage, so live sockets are re-authorized.
 */
import type { Project, ProjectStage } from '@shared/domain/project.js';
import { STAGE_RULES, provinceMovesFrom, transitionFrom } from '@shared/workflow/stages.js';
import type { StageAction } from '@shared/workflow/stages.js';
import type { StageMoveBody } from '@shared/validation/workflow.js';
import { snapshotAccess, usersWithChangedAccess } from '../access/accessChanges.js';
import type { ProjectGrant } from '../access/projectAccess.js';
import { textLockOf } from '../access/textLock.js';
import { mayMoveStage } from '../access/workflowAccess.js';
import { Conflict, Forbidden, NotFound } from '../domain/errors.js';
import type { DomainEventBus } from '../events.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { AuditLog } from '../services/AuditLog.js';
import type { MetadataStore } from '../storage/types.js';
import type { StageLog } from './StageLog.js';

export interface StageMove {
  action: StageAction;
  actorId: string;
  note: string;
  submissionId?: string | null;
}

export class StageService {
  constructor(
    private readonly store: MetadataStore,
    private readonly log: StageLog,
    private readonly audit: AuditLog,
    private readonly events: DomainEventBus,
    private readonly hub: ProjectEventHub,
  ) {}

  /**
   * Runs `change` (a workflow record written) and announces whose rights it changed: the texts'
   * lock follows submissions and stages, and the live sockets of those who gain or lose the right to
   * edit are closed to be authorized again (read-only while locked).
   */
  async reauthorizing<T>(projectId: string, change: () => Promise<T>): Promise<T> {
    const before = this.project(projectId);
    const snapshot = snapshotAccess(this.store, before);
    const result = await change();
    const after = this.project(projectId);
    for (const userId of usersWithChangedAccess(snapshot, snapshotAccess(this.store, after)))
      this.events.emit('access-changed', { userId, projectId });
    return result;
  }

  private project(projectId: string): Project {
    const project = this.store.collection('projects').get(projectId);
    if (!project) throw new NotFound('project not found');
    return project;
  }

  /** Moves the project by `move.action` from its current stage; refused when the table has no such move. */
  async move(projectId: string, move: StageMove): Promise<Project> {
    const updated = await this.reauthorizing(projectId, () => this.recordMove(projectId, move));
    this.announce(projectId);
    return updated;
  }

  /**
   * Writes a move (project, stage log, audit) without re-authorizing or announcing it: for a caller
   * that changes more in the same step inside its own `reauthorizing`, then calls `announce`.
   */
  async recordMove(projectId: string, move: StageMove, to?: ProjectStage): Promise<Project> {
    const project = this.project(projectId);
    const target = to ?? transitionFrom(project.stage, move.action)?.to;
    if (!target) throw new Conflict(`the stage ${project.stage} has no move by ${move.action}`);
    const changed = await this.store
      .collection('projects')
      .update(project.id, { stage: target, updatedAt: new Date().toISOString() });
    if (!changed) throw new NotFound('project not found');
    await this.log.record({
      projectId: project.id,
      from: project.stage,
      to: target,
      by: move.action,
      actorId: move.actorId,
      note: move.note,
      submissionId: move.submissionId ?? null,
    });
    await this.audit.record(project.id, move.actorId, 'stage.moved', {
      fromStage: project.stage,
      toStage: target,
      note: move.note,
      ...(move.submissionId ? { submissionId: move.submissionId } : {}),
    });
    return changed;
  }

  /** Tells the project's open pages that the workflow (and the project) changed. */
  announce(projectId: string): void {
    this.hub.publish(projectId, { type: 'project-changed' });
    this.hub.publish(projectId, { type: 'workflow-changed' });
  }

  /** Refuses to open a consultation round where the stage does not allow it or the texts are locked. */
  assertRoundsOpen(project: Project): void {
    if (!STAGE_RULES[project.stage].opensRounds)
      throw new Conflict(`no consultation round can be opened in the stage ${project.stage}`);
    const lock = textLockOf(this.store, project);
    if (lock) throw new Conflict(`no consultation round can be opened while the texts are locked (${lock})`);
  }

  /** 起草 → 征求意见 when the first round is opened (a later round changes nothing). */
  async roundOpened(project: Project, actorId: string, roundTitle: string): Promise<void> {
    if (!transitionFrom(project.stage, 'open-round')) return;
    await this.move(project.id, { action: 'open-round', actorId, note: roundTitle });
  }

  /** The province moves a project on with a note, where no other action moves it (e.g. 技术审评 → 报批). */
  assertMayMove({ project, user }: ProjectGrant): void {
    if (!mayMoveStage(this.store, user, project)) throw new Forbidden('only provincial bureau staff move a project on');
  }

  async provinceMove(grant: ProjectGrant, body: StageMoveBody): Promise<Project> {
    const { project, user } = grant;
    this.assertMayMove(grant);
    const allowed = provinceMovesFrom(project.stage);
    if (!allowed.includes(body.to)) {
      throw new Conflict(
        `the province cannot move a project from ${project.stage} to ${body.to}${
          allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ': this stage is left through a workflow action'
        }`,
      );
    }
    const move: StageMove = { action: 'province-move', actorId: user.id, note: body.note };
    const updated = await this.reauthorizing(project.id, () => this.recordMove(project.id, move, body.to));
    this.announce(project.id);
    return updated;
  }
}
