/**
 * Standards mentioned in running text, and the names of reference classes for messages. What a
 * designation is, how it is parsed and how designations are ordered is the document model's
 * (`shared/editor/structure/designations.ts`).
 */
import { DESIGNATION_SOURCE, parseDesignation, type Designation } from '../editor/structure/designations.js';
import type { ReferenceCategory } from '../editor/structure/referenceCode.js';
import { matchAll } from './text.js';

/** A designation in running text: not glued to a longer code before it or a longer number after it. */
const MENTION = new RegExp(`(?<![A-Za-z0-9/])${DESIGNATION_SOURCE}(?![\\d.]*\\d)`, 'g');

export interface Mention {
  designation: Designation;
  index: number;
  text: string;
}

/** Every standard designation mentioned in `text`. */
export function findMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const m of matchAll(MENTION, text)) {
    const designation = parseDesignation(m.text);
    if (designation) mentions.push({ designation, index: m.index, text: m.text });
  }
  return mentions;
}

/** The Chinese name of a reference class, for messages. */
export const CATEGORY_NAMES: Record<ReferenceCategory, { zh: string; en: string }> = {
  national: { zh: '国家标准', en: 'national standard' },
  industry: { zh: '行业标准', en: 'industry standard' },
  local: { zh: '地方标准', en: 'local standard' },
  group: { zh: '团体标准', en: 'group standard' },
  enterprise: { zh: '企业标准', en: 'enterprise standard' },
  iso: { zh: 'ISO标准', en: 'ISO standard' },
  iec: { zh: 'IEC标准', en: 'IEC standard' },
  other: { zh: '其他国际文件', en: 'other international document' },
};
