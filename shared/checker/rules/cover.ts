/**
 * The cover (封面) form: ICS and CCS numbers, the standard's number, titles, dates and publisher are
 * filled in; the number of a Zhejiang Made group standard reads `T/ZZB 0123—2026` (em dash before the
 * year), enterprise and local standards `Q/… 12—2026`, `DB33/T 1234—2026`.
 */
import { NODE } from '../../editor/structure/names.js';
import type { RuleHit } from '../types.js';
import { STANDARD_ONLY, defineRule } from './helpers.js';

export const REQUIRED_COVER_FIELDS = [
  'ics',
  'ccs',
  'standardNumber',
  'titleZh',
  'titleEn',
  'publicationDate',
  'implementationDate',
  'publisher',
] as const;
type RequiredCoverField = (typeof REQUIRED_COVER_FIELDS)[number];

const FIELD_NAMES: Record<RequiredCoverField, { zh: string; en: string }> = {
  ics: { zh: 'ICS号', en: 'ICS number' },
  ccs: { zh: 'CCS号（中国标准文献分类号）', en: 'CCS number' },
  standardNumber: { zh: '标准编号', en: 'standard number' },
  titleZh: { zh: '中文名称', en: 'Chinese title' },
  titleEn: { zh: '英文名称', en: 'English title' },
  publicationDate: { zh: '发布日期', en: 'publication date' },
  implementationDate: { zh: '实施日期', en: 'implementation date' },
  publisher: { zh: '发布机构', en: 'publishing body' },
};

/** A number not assigned yet: `T/ZZB XXXX—2026`. */
const UNASSIGNED = /[XＸ×x]{2,}/;

/** The number of a Zhejiang Made group standard: `T/ZZB 0123—2026` (em dash before the year). */
export const ZHEJIANG_MADE_NUMBER = /^T\/ZZB \d{4}—\d{4}$/;

const NUMBER_FORMS: readonly RegExp[] = [
  ZHEJIANG_MADE_NUMBER,
  /^Q\/[0-9A-Z]+(?: [0-9A-Z]+)? \d+(?:\.\d+)*—\d{4}$/,
  /^DB\d{2}(?:\/T)? \d+(?:\.\d+)*—\d{4}$/,
];

function stringAttr(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

export const coverFieldMissing = defineRule({
  id: 'cover.field-missing',
  severity: 'warning',
  title: { zh: '封面信息不完整', en: 'Cover field missing' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const cover = ctx.ofType(NODE.standardCover)[0];
    if (!cover) return [ctx.hit(null, { field: '封面', fieldEn: 'cover', absent: 1 })];
    const hits: RuleHit[] = [];
    for (const field of REQUIRED_COVER_FIELDS) {
      const value = stringAttr(cover.node.attrs?.[field]);
      const unassigned = field === 'standardNumber' && UNASSIGNED.test(value);
      if (value && !unassigned) continue;
      hits.push(ctx.hit(cover, { field: FIELD_NAMES[field].zh, fieldEn: FIELD_NAMES[field].en, absent: 0 }));
    }
    return hits;
  },
  message: (p) =>
    p.absent === 1
      ? { zh: '文件没有封面：标准文本应有封面。', en: 'The document has no cover.' }
      : { zh: `封面的“${p.field}”尚未填写。`, en: `The cover's ${p.fieldEn} is not filled in.` },
});

export const standardNumberMalformed = defineRule({
  id: 'cover.standard-number-malformed',
  severity: 'error',
  title: { zh: '标准编号格式不正确', en: 'Malformed standard number' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const cover = ctx.ofType(NODE.standardCover)[0];
    const number = stringAttr(cover?.node.attrs?.standardNumber);
    if (!cover || !number || UNASSIGNED.test(number)) return [];
    if (NUMBER_FORMS.some((form) => form.test(number))) return [];
    const hyphen = /\d\s*[-－–―]\s*\d{4}$/.test(number) || /\d\s*——\s*\d{4}$/.test(number);
    return [ctx.hit(cover, { number, hyphen: hyphen ? 1 : 0 })];
  },
  message: (p) => ({
    zh: `标准编号“${p.number}”格式不正确：${p.hyphen === 1 ? '顺序号与年份之间应使用一字线“—”；' : ''}“浙江制造”团体标准编号形如“T/ZZB 0123—2026”。`,
    en: `The standard number "${p.number}" is malformed${p.hyphen === 1 ? ' (use an em dash "—" before the year)' : ''}: a Zhejiang Made group standard reads like "T/ZZB 0123—2026".`,
  }),
});

export const COVER_RULES = [coverFieldMissing, standardNumberMalformed];
