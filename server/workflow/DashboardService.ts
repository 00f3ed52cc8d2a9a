/**
 * The bureau dashboard (GET /api/dashboard): every project of the caller's jurisdiction with its
 * stage, lead unit, days left, the standard text's stored checker counts, open consultation items,
 * submission state and last activity; projects per stage; the submissions waiting for the caller's
 * bureau. Built from what the server keeps (documentChecks, consultationStats, submissions, the
 * stage log, projectActivity) with one pass over each collection, so 2,000 projects stay fast.
 */
import type { DashboardResponse, DashboardRow, WaitingSubmission } from '@shared/api/workflow.js';
import type { ConsultationStats } from '@shared/api/consultation.js';
import { areaOf } from '@shared/domain/jurisdiction.js';
import type { Organization } from '@shared/domain/organization.js';
import { PROJECT_STAGES } from '@shared/domain/project.js';
import type { Project, ProjectStage } from '@shared/domain/project.js';
import type { StageLogEntry } from '@shared/workflow/stageLog.js';
import { textLockReason } from '@shared/workflow/stages.js';
import type { Submission } from '@shared/workflow/submissions.js';
import { isWaiting, levelOf } from '@shared/workflow/submissions.js';
import { chinaDay, dueState } from '@shared/workflow/time.js';
import { bureauOf, followsProject } from '../access/jurisdiction.js';
import { decidingBureau } from '../access/workflowAccess.js';
import { Forbidden } from '../domain/errors.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';
import { lateRounds } from './WorkflowStatusService.js';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

function latestOf<T>(rows: readonly T[] | undefined, at: (row: T) => string): T | undefined {
  let latest: T | undefined;
  for (const row of rows ?? []) if (!latest || at(row) > at(latest)) latest = row;
  return latest;
}

function maxTime(...times: (string | undefined)[]): string {
  return times.reduce<string>((max, t) => (t && t > max ? t : max), '');
}

export class DashboardService {
  constructor(private readonly store: MetadataStore) {}

  dashboard(user: UserRecord): DashboardResponse {
    const bureau = bureauOf(this.store, user);
    if (!bureau && !user.isAdmin) throw new Forbidden('the dashboard is for bureau staff');
    const organizations = new Map(
      this.store
        .collection('organizations')
        .findMany()
        .map((o) => [o.id, o]),
    );
    const byId = (id: string): Organization | undefined => organizations.get(id);
    const projects = this.store
      .collection('projects')
      .findMany()
      .filter((p) => !bureau || followsProject(bureau, p, byId));

    const checks = new Map(
      this.store
        .collection('documentChecks')
        .findMany()
        .map((c) => [c.id, c]),
    );
    const stats = groupBy(this.store.collection('consultationStats').findMany(), (s) => s.projectId);
    const submissions = groupBy(this.store.collection('submissions').findMany(), (s) => s.projectId);
    const moves = groupBy(this.store.collection('stageLog').findMany(), (e) => e.projectId);
    const activity = new Map(
      this.store
        .collection('projectActivity')
        .findMany()
        .map((a) => [a.id, a.at]),
    );
    const now = new Date().toISOString();
    const today = chinaDay(now);

    const rows = projects.map((project) =>
      this.row(project, {
        byId,
        checks,
        stats: stats.get(project.id) ?? [],
        submissions: submissions.get(project.id) ?? [],
        moves: moves.get(project.id) ?? [],
        activity: activity.get(project.id),
        today,
      }),
    );
    const stageCounts = Object.fromEntries(PROJECT_STAGES.map((s) => [s, 0])) as Record<ProjectStage, number>;
    for (const row of rows) stageCounts[row.stage] += 1;

    return {
      jurisdiction: {
        bureauId: bureau?.id ?? null,
        bureauName: bureau?.name ?? '',
        level: bureau?.bureauLevel ?? null,
        area: bureau ? areaOf(bureau) : '',
      },
      today,
      rows: rows.sort((a, b) => b.lastActivity.localeCompare(a.lastActivity)),
      stageCounts,
      waiting: this.waiting(user, projects, submissions),
    };
  }

  private row(
    project: Project,
    context: {
      byId: (id: string) => Organization | undefined;
      checks: Map<string, { errors: number; warnings: number; checkedAt: string }>;
      stats: ConsultationStats[];
      submissions: Submission[];
      moves: StageLogEntry[];
      activity: string | undefined;
      today: string;
    },
  ): DashboardRow {
    const standard = project.documents.find((d) => d.kind === 'standard');
    const check = standard ? context.checks.get(standard.id) : undefined;
    const latest = latestOf(context.submissions, (s) => s.submittedAt);
    const lastMove = latestOf(context.moves, (e) => e.at);
    const documentChecks = project.documents.map((d) => context.checks.get(d.id)?.checkedAt);
    return {
      projectId: project.id,
      nameZh: project.nameZh,
      planNumber: project.planNumber,
      leadOrganizationName: context.byId(project.leadOrganizationId)?.name ?? '',
      supervisingBureauNames: project.supervisingBureauIds.map((id) => context.byId(id)?.name ?? ''),
      stage: project.stage,
      stageSince: lastMove?.at ?? project.createdAt,
      dueDate: project.dueDate,
      due: dueState(project.dueDate, project.stage, context.today),
      checker: check ? { errors: check.errors, warnings: check.warnings, checkedAt: check.checkedAt } : null,
      openConsultationItems: context.stats.reduce((sum, s) => sum + s.openItems.length, 0),
      lateRounds: lateRounds(context.stats, context.today).length,
      submission: latest
        ? { id: latest.id, number: latest.number, stageLabel: latest.stageLabel, status: latest.status }
        : null,
      textLock: textLockReason(
        project.stage,
        context.submissions.some((s) => isWaiting(s.status)),
      ),
      lastActivity: maxTime(
        project.updatedAt,
        context.activity,
        ...documentChecks,
        ...context.stats.map((s) => s.updatedAt),
        latest?.submittedAt,
        ...(latest?.decisions.map((d) => d.decidedAt) ?? []),
        lastMove?.at,
      ),
    };
  }

  /** The submissions waiting at a step the caller's bureau decides, oldest first. */
  private waiting(user: UserRecord, projects: Project[], submissions: Map<string, Submission[]>): WaitingSubmission[] {
    const waiting: WaitingSubmission[] = [];
    for (const project of projects) {
      for (const submission of submissions.get(project.id) ?? []) {
        const level = levelOf(submission.status);
        if (!level || !decidingBureau(this.store, user, project, level)) continue;
        waiting.push({
          submissionId: submission.id,
          projectId: project.id,
          projectName: project.nameZh,
          stageLabel: submission.stageLabel,
          number: submission.number,
          level,
          submittedAt: submission.submittedAt,
          leadOrganizationName: this.store.collection('organizations').get(project.leadOrganizationId)?.name ?? '',
        });
      }
    }
    return waiting.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  }
}
