/** Calendar rules of a project's plan dates (YYYY-MM-DD, no time zone). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month (month 1–12) of a year, leap years included. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date written as YYYY-MM-DD (rejects 2026-13-45 and 2026-02-31). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The same day `months` later, clamped to the last day of that month (2026-08-31 + 6 → 2027-02-28). */
export function addMonths(date: string, months: number): string {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  const total = Number(match[1]) * 12 + (Number(match[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(match[3]), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The drafting cycle is normally six months (研制周期一般为六个月): the default due date. */
export const DRAFTING_CYCLE_MONTHS = 6;

export function defaultDueDate(startDate: string): string {
  return addMonths(startDate, DRAFTING_CYCLE_MONTHS);
}

/** Plan dates compare as strings because both are YYYY-MM-DD. */
export function dueNotBeforeStart(startDate: string, dueDate: string): boolean {
  return dueDate >= startDate;
}
