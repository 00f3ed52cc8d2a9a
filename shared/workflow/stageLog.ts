/** The stage log: every move of a project between stages — who, when, from, to, why. */
import type { ProjectStage } from '../domain/project.js';
import type { StageAction } from './stages.js';

export interface StageLogEntry {
  id: string;
  projectId: string;
  /** null for the stage the project was created in. */
  from: ProjectStage | null;
  to: ProjectStage;
  /** What moved it (null for the creation). */
  by: StageAction | null;
  actorId: string;
  at: string;
  /** The province's note, the round opened, the submission accepted … */
  note: string;
  /** The submission whose submitting or acceptance made the move. */
  submissionId: string | null;
}
