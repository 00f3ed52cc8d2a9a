/**
 * Normative references (GB/T 1.1—2020, 8.4 and 9.5): every document cited in the text is listed in
 * chapter 2 and every listed document is cited; the list is ordered by class and number; dated and
 * undated citations agree with the list; chapter 2 opens with its fixed sentence.
 */
import type { IndexedNode } from '../context.js';
import {
  NORMATIVE_REFERENCES_LEAD_IN,
  NORMATIVE_REFERENCES_LEAD_IN_PARTS,
  NO_NORMATIVE_REFERENCES,
} from '../../editor/structure/fixedSentences.js';
import { compareDesignations, type Designation } from '../../editor/structure/designations.js';
import { NODE } from '../../editor/structure/names.js';
import { CATEGORY_NAMES } from '../standardCodes.js';
import { excerpt, normalizeSentence } from '../text.js';
import type { RuleHit } from '../types.js';
import { STANDARD_ONLY, defineRule, isBlank } from './helpers.js';
import { withoutPlaceholders } from './placeholders.js';
import { analyzeReferences, type Citation } from './referenceAnalysis.js';

export const citedNotListed = defineRule({
  id: 'references.cited-not-listed',
  severity: 'error',
  title: { zh: '引用的文件未列入规范性引用文件', en: 'Cited document not listed' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const { entries, citations } = analyzeReferences(ctx);
    const listed = new Set(entries.flatMap((e) => (e.designation ? [e.designation.key] : [])));
    const reported = new Set<string>();
    const hits: RuleHit[] = [];
    for (const c of citations) {
      const key = c.designation.key;
      if (!c.normative || listed.has(key) || reported.has(key)) continue;
      reported.add(key);
      hits.push(ctx.hit(c.at, { code: c.designation.designation }, c.excerpt));
    }
    return hits;
  },
  message: (p) => ({
    zh: `正文规范性引用了 ${p.code}，但第2章“规范性引用文件”中没有列出该文件。`,
    en: `${p.code} is cited in the text but not listed in clause 2 "Normative references".`,
  }),
});

export const listedNotCited = defineRule({
  id: 'references.listed-not-cited',
  severity: 'error',
  title: { zh: '列出的文件未在正文中引用', en: 'Listed document never cited' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const { entries, citations } = analyzeReferences(ctx);
    const cited = new Set(citations.map((c) => c.designation.key));
    return entries
      .filter((e) => e.designation !== null && !cited.has(e.designation.key))
      .map((e) => ctx.hit(e.at, { code: e.designation?.designation ?? e.text }, excerpt(e.text)));
  },
  message: (p) => ({
    zh: `规范性引用文件 ${p.code} 在正文中没有被引用：未引用的文件应删除，或在正文中引用。`,
    en: `${p.code} is listed as a normative reference but never cited in the text: cite it or remove it.`,
  }),
});

export const referenceOrder = defineRule({
  id: 'references.order',
  severity: 'error',
  title: { zh: '规范性引用文件排列顺序不正确', en: 'Normative references out of order' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const hits: RuleHit[] = [];
    const parsed = analyzeReferences(ctx).entries.filter((e) => e.designation !== null);
    parsed.forEach((entry, i) => {
      const previous = parsed
        .slice(0, i)
        .find((p) => p.designation && entry.designation && compareDesignations(p.designation, entry.designation) > 0);
      if (!previous?.designation || !entry.designation) return;
      const hit = ctx.hit(entry.at, {
        code: entry.designation.designation,
        before: previous.designation.designation,
        category: CATEGORY_NAMES[entry.designation.category].zh,
        categoryEn: CATEGORY_NAMES[entry.designation.category].en,
      });
      hits.push({ ...hit, fix: { type: 'sort-references' } });
    });
    return hits;
  },
  message: (p) => ({
    zh: `${p.code}（${p.category}）应排在 ${p.before} 之前：规范性引用文件依次为国家标准（GB、GB/T、GB/Z）、行业标准、地方标准、团体标准、ISO、IEC、其他国际文件，同类文件按顺序号由小到大排列。`,
    en: `${p.code} (${p.categoryEn}) should come before ${p.before}: list national (GB, GB/T, GB/Z), industry, local, group standards, then ISO, IEC and other documents, each class by ascending number.`,
  }),
});

function citedForm(c: Citation): string {
  return c.designation.designation;
}

export const datedMismatch = defineRule({
  id: 'references.dated-mismatch',
  severity: 'error',
  title: { zh: '注日期与不注日期引用不一致', en: 'Dated/undated citation inconsistent' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const { entries, citations } = analyzeReferences(ctx);
    const hits: RuleHit[] = [];
    const reported = new Set<string>();
    // The first listed entry of each designation key.
    const listed = new Map<string, Designation>();
    for (const e of entries)
      if (e.designation && !listed.has(e.designation.key)) listed.set(e.designation.key, e.designation);
    for (const c of citations) {
      if (c.viaCrossRef) continue;
      const entry = listed.get(c.designation.key);
      if (!entry || (entry.dated === c.designation.dated && entry.year === c.designation.year)) continue;
      const pair = `${entry.designation}|${citedForm(c)}`;
      if (reported.has(pair)) continue;
      reported.add(pair);
      hits.push(ctx.hit(c.at, { cited: citedForm(c), listed: entry.designation }, c.excerpt));
    }
    return hits;
  },
  message: (p) => ({
    zh: `正文引用为 ${p.cited}，而规范性引用文件中列为 ${p.listed}：注日期引用（仅该版本适用）与不注日期引用（最新版本适用）含义不同，两处应一致。`,
    en: `Cited as ${p.cited} but listed as ${p.listed}: dated (that edition only) and undated (latest edition) citations mean different things; make them agree.`,
  }),
});

function leadInProblem(text: string, hasEntries: boolean): 'lead-in' | 'none-sentence' | 'contradiction' | null {
  const normalized = normalizeSentence(text);
  const hasLeadIn = NORMATIVE_REFERENCES_LEAD_IN_PARTS.every((part) => normalized.includes(normalizeSentence(part)));
  const saysNone = normalized.includes(normalizeSentence(NO_NORMATIVE_REFERENCES));
  if (hasEntries) return saysNone ? 'contradiction' : hasLeadIn ? null : 'lead-in';
  return saysNone ? null : 'none-sentence';
}

export const referencesLeadIn = defineRule({
  id: 'references.lead-in-missing',
  severity: 'error',
  title: { zh: '规范性引用文件缺少引导语', en: 'Normative references lead-in missing' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const { chapter, entries } = analyzeReferences(ctx);
    if (!chapter) return [];
    const paragraphs: IndexedNode[] = ctx
      .blocksOf(chapter)
      .filter((b) => b.type === NODE.paragraph && !isBlank(ctx, b));
    const text = withoutPlaceholders(paragraphs.map((b) => ctx.textOf(b)).join(''));
    const inChapter = entries.filter((e) => ctx.isWithin(e.at, chapter));
    const problem = leadInProblem(text, inChapter.length > 0);
    const d = ctx.describe(chapter);
    return problem ? [ctx.hit(chapter, { problem, chapter: d.zh, chapterEn: d.en })] : [];
  },
  message: (p) => {
    if (p.problem === 'none-sentence') {
      return {
        zh: `${p.chapter}没有列出文件，应写明“${NO_NORMATIVE_REFERENCES}”`,
        en: `${p.chapterEn} lists no documents: it should state "${NO_NORMATIVE_REFERENCES}" (no normative references).`,
      };
    }
    if (p.problem === 'contradiction') {
      return {
        zh: `${p.chapter}列出了规范性引用文件，却又写明“${NO_NORMATIVE_REFERENCES}”，请删除该句并使用固定引导语。`,
        en: `${p.chapterEn} lists documents but also states that there are none: remove that sentence and use the fixed lead-in.`,
      };
    }
    return {
      zh: `${p.chapter}应以固定引导语开头：“${NORMATIVE_REFERENCES_LEAD_IN}”`,
      en: `${p.chapterEn} should open with the fixed lead-in sentence of GB/T 1.1—2020 ("下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款……").`,
    };
  },
});

export const REFERENCE_RULES = [citedNotListed, listedNotCited, referenceOrder, datedMismatch, referencesLeadIn];
