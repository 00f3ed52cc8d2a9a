/** Dates as the table shows them: the calendar day in China (UTC+8), whatever the server's zone. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** YYYY-MM-DD of today in China. */
export function chinaToday(now: number = Date.now()): string {
  return new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** "2026年3月5日" */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** "2026-03-05 14:30" in China of an ISO timestamp. */
export function chinaDateTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}
