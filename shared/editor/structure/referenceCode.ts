/**
 * Parsing the designation of a normative document at the start of a reference entry:
 * `GB/T 4806.9—2016 食品安全国家标准 …`, `GB 4806.1`, `QB/T 2332—2017`, `ISO 20712-1:2008`,
 * `EN 12546-1:2000`, `IEC 60335-1`. Pure, no DOM: used by the numbering and the checker.
 */

/** Where a document comes from, in the order GB/T 1.1—2020 lists normative references. */
export const REFERENCE_CATEGORIES = [
  'national',
  'industry',
  'local',
  'group',
  'enterprise',
  'iso',
  'iec',
  'other',
] as const;
export type ReferenceCategory = (typeof REFERENCE_CATEGORIES)[number];

export interface ReferenceCode {
  /** The designation without the year: `GB/T 4806.9`, `ISO 20712-1`. */
  code: string;
  /** The year of a dated reference (`2016`), else null. */
  year: string | null;
  /** Dated references name one edition; undated ones mean the latest edition. */
  dated: boolean;
  /** The designation as GB/T 1.1 writes it: `GB/T 4806.9—2016`, `ISO 20712-1:2008`, `IEC 60335-1`. */
  designation: string;
  /** The designation exactly as typed (e.g. with an ASCII hyphen before the year). */
  raw: string;
  /** The code's prefix: `GB/T`, `QB/T`, `DB33/T`, `T/ZZB`, `ISO/IEC`, `EN`. */
  prefix: string;
  category: ReferenceCategory;
  /** The text after the designation: the document's title. */
  title: string;
}

const DESIGNATION =
  /^\s*([A-Z][A-Za-z0-9]*(?:\/[A-Z][A-Za-z0-9]*)*(?:\s+[A-Z]{2,}(?:\/[A-Z]{2,})*)*)\s*(\d+(?:\.\d+)*(?:-\d+)*)(?:\s*[—–－―]{1,2}\s*(\d{4})|:(\d{4}))?/u;

const CHINESE_YEAR_SUFFIX = /^(.*)-((?:19|20)\d{2})$/;

/** The category of a code prefix. */
export function referenceCategory(prefix: string): ReferenceCategory {
  if (/^GB(\/[TZ])?$/.test(prefix)) return 'national';
  if (/^DB\d{2,}(\/[TZ])?$/.test(prefix)) return 'local';
  if (/^T\//.test(prefix)) return 'group';
  if (/^Q\//.test(prefix)) return 'enterprise';
  if (/^[A-Z]{2}(\/[TZ])?$/.test(prefix) && !/^(EN|BS|UL)$/.test(prefix)) return 'industry';
  if (/(^|[\s/])ISO($|[\s/])/.test(prefix)) return 'iso';
  if (/(^|[\s/])IEC($|[\s/])/.test(prefix)) return 'iec';
  return 'other';
}

function isChineseCategory(category: ReferenceCategory): boolean {
  return category !== 'iso' && category !== 'iec' && category !== 'other';
}

/** Parses the designation at the start of `text`; null when the text does not start with one. */
export function parseReferenceCode(text: string): ReferenceCode | null {
  const match = DESIGNATION.exec(text);
  if (!match) return null;
  const prefix = (match[1] ?? '').replace(/\s+/g, ' ');
  const category = referenceCategory(prefix);
  const chinese = isChineseCategory(category);
  let number = match[2] ?? '';
  let year: string | null = match[3] ?? match[4] ?? null;
  if (year === null && chinese) {
    // `GB/T 1234-2020`: an ASCII hyphen used as the year separator.
    const suffix = CHINESE_YEAR_SUFFIX.exec(number);
    if (suffix) {
      number = suffix[1] ?? number;
      year = suffix[2] ?? null;
    }
  }
  const code = `${prefix} ${number}`;
  const separator = chinese ? '—' : ':';
  const raw = match[0].trim();
  return {
    code,
    year,
    dated: year !== null,
    designation: year === null ? code : `${code}${separator}${year}`,
    raw,
    prefix,
    category,
    title: text.slice(match[0].length).trim(),
  };
}
