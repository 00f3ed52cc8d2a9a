/**
 * Time in the workflow: days left to the plan's due date (the drafting cycle is normally six
 * months), overdue projects, time spent in each stage (from the stage log) and consultation rounds
 * whose deadline passed without replies from some units. Dates are calendar days (YYYY-MM-DD).
 */
import type { ProjectStage } from '../domain/project.js';
import type { StageLogEntry } from './stageLog.js';
import { dueDateApplies } from './stages.js';

const DAY_MS = 24 * 3600 * 1000;

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export interface DueState {
  /** Days left to the due date: 0 on the day itself, negative once it passed. */
  daysLeft: number;
  /** The due date passed before the standard was published. */
  overdue: boolean;
}

export function dueState(dueDate: string, stage: ProjectStage, today: string): DueState {
  const daysLeft = daysBetween(today, dueDate);
  return { daysLeft, overdue: daysLeft < 0 && dueDateApplies(stage) };
}

/** A stage as the timeline shows it: when it was entered and left, and the days spent in it. */
export interface StagePeriod {
  stage: ProjectStage;
  from: string;
  /** null for the current stage. */
  to: string | null;
  days: number;
}

/**
 * The periods of the stages a project went through, in order, from its stage log (oldest first):
 * each entry opens a period of its `to` stage and closes the one before. A stage entered twice
 * (moved back) has two periods. `now` is an ISO time; days count calendar days in UTC+8.
 */
export function stagePeriods(log: readonly StageLogEntry[], now: string): StagePeriod[] {
  const periods: StagePeriod[] = [];
  for (const entry of log) {
    const open = periods[periods.length - 1];
    if (open && open.to === null) {
      open.to = entry.at;
      open.days = daysBetween(chinaDay(open.from), chinaDay(entry.at));
    }
    periods.push({ stage: entry.to, from: entry.at, to: null, days: 0 });
  }
  const current = periods[periods.length - 1];
  if (current && current.to === null) current.days = daysBetween(chinaDay(current.from), chinaDay(now));
  return periods;
}

/** Days spent in each stage, all periods of a stage added up. */
export function daysPerStage(periods: readonly StagePeriod[]): Partial<Record<ProjectStage, number>> {
  const total: Partial<Record<ProjectStage, number>> = {};
  for (const period of periods) total[period.stage] = (total[period.stage] ?? 0) + period.days;
  return total;
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar day in China (UTC+8) of an ISO time. */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A consultation round still open whose reply deadline passed while some units have not replied. */
export function roundOverdue(round: { closed: boolean; deadline: string; notReplied: number }, today: string): boolean {
  return !round.closed && round.notReplied > 0 && round.deadline < today;
}
