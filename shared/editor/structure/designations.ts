/**
 * Designations of standards (`GB/T 1234`, `GB 4806.9—2016`, `QB/T 2332`, `ISO 20712-1:2008`,
 * `EN 12546-1`, `ASTM F2023`) and their GB/T 1.1 order: the same document (ignoring spacing) and
 * whether it is dated. Parsing of a list entry's designation is shared with the numbering
 * (`parseReferenceCode`); the editor sorts chapter 2 and the checker reads running text with these.
 */
import {
  REFERENCE_CATEGORIES,
  parseReferenceCode,
  referenceCategory,
  type ReferenceCategory,
} from './referenceCode.js';

export interface Designation {
  /** Without the year, as written: `GB/T 4806.9`. */
  code: string;
  /** Comparison key of the document (spacing and case ignored). */
  key: string;
  year: string | null;
  dated: boolean;
  /** As GB/T 1.1 writes it: `GB/T 4806.9—2016`, `ISO 20712-1:2008`. */
  designation: string;
  prefix: string;
  category: ReferenceCategory;
  /** The numeric parts of the number: `4806.9` → [4806, 9]; `20712-1` → [20712, 1]. */
  numbers: number[];
}

/** Mandatory industry-standard codes written without `/T` (the recommended ones are any `XX/T`). */
const INDUSTRY_MANDATORY = 'JB|QB|HG|YY|FZ|QC|SN|GA|WS|SJ|YB|JC|JG|CJ|DL|NB|HJ|MT|SY|JT|LY|NY|SH|SB|JJF|JJG';
const PREFIX = [
  'GB(?:/[TZ])?',
  'DB\\d{2}(?:/[TZ])?',
  'T/[A-Z][A-Z0-9]+',
  'Q/[A-Z0-9]+',
  '[A-Z]{2}/[TZ]',
  `(?:${INDUSTRY_MANDATORY})`,
  'ISO(?:/(?:IEC|TS|TR|PAS))?',
  'IEC(?:/(?:TS|TR))?',
  'EN(?:\\s(?:ISO|IEC))?',
  'ASTM',
  'JIS',
  'DIN(?:\\sEN)?(?:\\sISO)?',
  'BS(?:\\sEN)?(?:\\sISO)?',
  'ANSI',
  'UL',
  'NF',
  'AS/NZS',
].join('|');
const YEAR = '(?:\\s*[—–－―]{1,2}\\s*\\d{4}|:\\d{4})?';
/** The source of a regular expression matching one designation (prefix, number, optional year). */
export const DESIGNATION_SOURCE = `(?:${PREFIX})\\s?(?:[A-Z]\\s?)?\\d+(?:\\.\\d+)*(?:-\\d+)*${YEAR}`;
const LEADING = new RegExp(`^\\s*${DESIGNATION_SOURCE}`);
const FALLBACK = /^\s*(.*?)(?:\s*[—–－―]{1,2}\s*(\d{4})|:(\d{4}))?$/;

function keyOf(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

function numbersOf(code: string): number[] {
  const number = /(\d+(?:[.-]\d+)*)\s*$/.exec(code)?.[1] ?? '';
  return number
    .split(/[.-]/)
    .filter((p) => p.length > 0)
    .map(Number);
}

function designationFrom(code: string, year: string | null, prefix: string, category: ReferenceCategory): Designation {
  const chinese = category !== 'iso' && category !== 'iec' && category !== 'other';
  return {
    code,
    key: keyOf(code),
    year,
    dated: year !== null,
    designation: year === null ? code : `${code}${chinese ? '—' : ':'}${year}`,
    prefix,
    category,
    numbers: numbersOf(code),
  };
}

/** The designation at the start of `text` (a reference entry, or a mention found in text). */
export function parseDesignation(text: string): Designation | null {
  const parsed = parseReferenceCode(text);
  if (parsed) return designationFrom(parsed.code, parsed.year, parsed.prefix, parsed.category);
  // Codes the shared parser does not read, e.g. `ASTM F2023` or `JIS S 2029`.
  const leading = LEADING.exec(text)?.[0];
  if (!leading) return null;
  const m = FALLBACK.exec(leading);
  const code = (m?.[1] ?? leading).trim().replace(/\s+/g, ' ');
  const prefix = /^[A-Z/]+(?:\s[A-Z]{2,})*/.exec(code)?.[0] ?? code;
  return designationFrom(code, m?.[2] ?? m?.[3] ?? null, prefix, referenceCategory(prefix));
}

/** National standards in the order GB/T 1.1 lists them: GB, GB/T, GB/Z. */
const NATIONAL_ORDER = ['GB', 'GB/T', 'GB/Z'];

function comparePrefix(a: Designation, b: Designation): number {
  if (a.category === 'national' && b.category === 'national') {
    return NATIONAL_ORDER.indexOf(a.prefix) - NATIONAL_ORDER.indexOf(b.prefix);
  }
  return a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0;
}

function compareNumbers(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return x - y;
  }
  return 0;
}

/**
 * The order of normative references: national (GB, GB/T, GB/Z), industry, local, group, enterprise,
 * ISO, IEC, other; within a class by code prefix, then ascending by number.
 */
export function compareDesignations(a: Designation, b: Designation): number {
  const category = REFERENCE_CATEGORIES.indexOf(a.category) - REFERENCE_CATEGORIES.indexOf(b.category);
  if (category !== 0) return category;
  const prefix = comparePrefix(a, b);
  if (prefix !== 0) return prefix;
  return compareNumbers(a.numbers, b.numbers);
}
