/**
 * When a project was in which stage, from its stage log (the stage it was created in, then every
 * move): the stage filter of the history keeps the changes made while the project was in a stage.
 */
import type { StagePeriod } from '@shared/api/history.js';
import type { Project, ProjectStage } from '@shared/domain/project.js';
import type { StageLog } from '../workflow/StageLog.js';

export function stagePeriods(log: StageLog, project: Project): StagePeriod[] {
  const moves = log.entries(project);
  return moves.map((move, i) => ({
    stage: move.to,
    // The first period reaches back to the project's beginning (its documents are created with it).
    from: i === 0 ? null : move.at,
    to: moves[i + 1]?.at ?? null,
  }));
}

/** Whether the time span `from … to` (epoch ms) overlaps a period of `stage`. */
export function inStage(periods: readonly StagePeriod[], stage: ProjectStage, from: number, to: number): boolean {
  return periods.some(
    (period) =>
      period.stage === stage &&
      (period.from === null || to >= Date.parse(period.from)) &&
      (period.to === null || from < Date.parse(period.to)),
  );
}
