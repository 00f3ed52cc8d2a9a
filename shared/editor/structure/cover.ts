/**
 * What the cover (封面) prints besides its fields: the patent notice of the drafts before the 报批稿
 * and the kind of standard its number announces. Shared by the cover form (client) and the Word
 * export (server).
 */
import { STANDARD_STAGES } from './names.js';

/** Stages whose cover carries the patent notice (GB/T 1.1—2020): the drafts before the 报批稿. */
export const PATENT_NOTICE_STAGES: readonly string[] = STANDARD_STAGES.filter((stage) => stage !== '报批稿');

/** The text printed for the patent notice. */
export const PATENT_NOTICE = '在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。';

/** 团体标准 / 企业标准 / 地方标准 from the number's prefix (`T/`, `Q/`, `DB`). */
export function standardKindTitle(standardNumber: string): string {
  const number = standardNumber.trim().toUpperCase();
  if (number.startsWith('Q/')) return '企业标准';
  if (number.startsWith('DB')) return '地方标准';
  return '团体标准';
}

/** The code printed in large type at the top of the cover (`T/ZZB`, `Q/…`, `DB33/T`). */
export function standardCodePrefix(standardNumber: string): string {
  const number = standardNumber.trim();
  const space = number.indexOf(' ');
  return space > 0 ? number.slice(0, space) : number || 'T/ZZB';
}
