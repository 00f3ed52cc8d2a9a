/** Date formatting for tables and descriptions. */

/** `2026-05-01T08:00:00Z` → `2026-05-01 16:00` in local time. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Plan dates are stored as `YYYY-MM-DD`; anything longer is cut to its date part. */
export function formatDate(value: string): string {
  return value.length >= 10 ? value.slice(0, 10) : value;
}

/** Today as `YYYY-MM-DD` in local time. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isPast(date: string): boolean {
  return date.length >= 10 && date.slice(0, 10) < todayIso();
}
