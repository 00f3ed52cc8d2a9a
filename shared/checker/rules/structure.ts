/**
 * The Zhejiang Made chapter structure and the GB/T 1.1—2020 rules on clauses: required chapters and
 * their order, no lone subclause, no hanging paragraph, at most five clause levels, an unnumbered
 * foreword without clauses or tables, cross-references that resolve.
 */
import {
  CHAPTER_ROLES,
  MAX_CLAUSE_LEVELS,
  NODE,
  SECTION_NODE_TYPES,
  type ChapterRole,
} from '../../editor/structure/names.js';
import type { CheckContext, IndexedNode } from '../context.js';
import { compact, excerpt } from '../text.js';
import type { RuleHit } from '../types.js';
import { ALL_KINDS, STANDARD_ONLY, defineRule, isBlank, roleNames } from './helpers.js';

/**
 * Chapters every Zhejiang Made product standard has, in their order: all the roles but product
 * classification (optional) and `other`.
 */
export const REQUIRED_ROLES: readonly ChapterRole[] = CHAPTER_ROLES.filter(
  (role) => role !== 'classification' && role !== 'other',
);

/** GB/T 1.1: 范围, 规范性引用文件 and 术语和定义 are always chapters 1, 2 and 3. */
const FIXED_NUMBERS: Partial<Record<ChapterRole, string>> = {
  scope: '1',
  'normative-references': '2',
  terms: '3',
};

export const requiredChapterMissing = defineRule({
  id: 'structure.required-chapter-missing',
  severity: 'error',
  title: { zh: '缺少必备章', en: 'Required chapter missing' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    return REQUIRED_ROLES.filter((role) => ctx.chapterByRole(role) === null).map((role) => {
      const names = roleNames(role);
      return { ...ctx.hit(null, { chapter: names.zh, chapterEn: names.en }), fix: { type: 'insert-chapter', role } };
    });
  },
  message: (p) => ({
    zh: `缺少“${p.chapter}”一章：“浙江制造”标准应包含该章（无内容时也应保留并写明）。`,
    en: `The chapter "${p.chapterEn}" (${p.chapter}) is missing: a Zhejiang Made standard has this chapter.`,
  }),
});

export const chapterEmpty = defineRule({
  id: 'structure.chapter-empty',
  severity: 'error',
  title: { zh: '章无内容', en: 'Empty chapter' },
  appliesTo: ALL_KINDS,
  check(ctx) {
    return ctx
      .chapters()
      .filter((chapter) => [...ctx.blocksOf(chapter), ...ctx.clausesOf(chapter)].every((b) => isBlank(ctx, b)))
      .map((chapter) => {
        const d = ctx.describe(chapter);
        return ctx.hit(chapter, { chapter: d.zh, chapterEn: d.en });
      });
  },
  message: (p) => ({
    zh: `${p.chapter}只有标题，没有内容。`,
    en: `${p.chapterEn} has a title but no content.`,
  }),
});

const roleRank = (role: ChapterRole): number => CHAPTER_ROLES.indexOf(role);

export const chapterOrder = defineRule({
  id: 'structure.chapter-order',
  severity: 'error',
  title: { zh: '章的顺序不正确', en: 'Chapters out of order' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const hits: RuleHit[] = [];
    const seen: IndexedNode[] = [];
    for (const chapter of ctx.chapters()) {
      const role = ctx.roleOf(chapter);
      if (role === 'other') continue;
      const fixed = FIXED_NUMBERS[role];
      const later = seen.find((c) => roleRank(ctx.roleOf(c)) > roleRank(role));
      const d = ctx.describe(chapter);
      if (later) {
        const l = ctx.describe(later);
        hits.push(ctx.hit(chapter, { chapter: d.zh, chapterEn: d.en, other: l.zh, otherEn: l.en }));
      } else if (fixed !== undefined && chapter.label !== fixed) {
        hits.push(ctx.hit(chapter, { chapter: d.zh, chapterEn: d.en, expected: fixed }));
      }
      seen.push(chapter);
    }
    return hits;
  },
  message: (p) =>
    p.other !== undefined
      ? {
          zh: `${p.chapter}应位于${p.other}之前（“浙江制造”标准的章序：范围、规范性引用文件、术语和定义、产品分类、基本要求、技术要求、试验方法、检验规则、标志包装运输和贮存、质量承诺）。`,
          en: `${p.chapterEn} should come before ${p.otherEn} (the Zhejiang Made chapter order).`,
        }
      : {
          zh: `${p.chapter}应为第${p.expected}章。`,
          en: `${p.chapterEn} should be clause ${p.expected}.`,
        },
});

export const loneSubclause = defineRule({
  id: 'structure.lone-subclause',
  severity: 'error',
  title: { zh: '同一层次只有一个条', en: 'Lone subclause' },
  appliesTo: ALL_KINDS,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const type of SECTION_NODE_TYPES) {
      for (const section of ctx.ofType(type)) {
        const clauses = ctx.clausesOf(section);
        const only = clauses[0];
        if (clauses.length !== 1 || !only) continue;
        const parent = ctx.describe(section);
        const clause = ctx.describe(only);
        hits.push(ctx.hit(only, { clause: clause.zh, clauseEn: clause.en, parent: parent.zh, parentEn: parent.en }));
      }
    }
    return hits;
  },
  message: (p) => ({
    zh: `${p.clause}是${p.parent}下唯一的条：同一层次至少有两个条时才设条，请增加并列的条或取消分条。`,
    en: `${p.clauseEn} is the only subclause of ${p.parentEn}: create subclauses only when there are at least two.`,
  }),
});

/** The fixed sentences of chapters 2 and 3, which are not hanging paragraphs. */
function isFixedLeadIn(ctx: CheckContext, section: IndexedNode, block: IndexedNode): boolean {
  if (section.type !== NODE.chapter || block.type !== NODE.paragraph) return false;
  const role = ctx.roleOf(section);
  const text = compact(ctx.textOf(block));
  if (role === 'normative-references') return text.includes('规范性引用') || text.includes('没有规范性引用文件');
  if (role === 'terms') return text.includes('适用于本文件') || text.includes('没有需要界定的术语');
  return false;
}

export const hangingParagraph = defineRule({
  id: 'structure.hanging-paragraph',
  severity: 'error',
  title: { zh: '悬置段', en: 'Hanging paragraph' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const type of SECTION_NODE_TYPES) {
      for (const section of ctx.ofType(type)) {
        if (ctx.clausesOf(section).length === 0) continue;
        const hanging = ctx.blocksOf(section).find((b) => !isBlank(ctx, b) && !isFixedLeadIn(ctx, section, b));
        if (!hanging) continue;
        const d = ctx.describe(section);
        hits.push(ctx.hit(section, { section: d.zh, sectionEn: d.en }, excerpt(ctx.textOf(hanging))));
      }
    }
    return hits;
  },
  message: (p) => ({
    zh: `${p.section}在其标题与第一个条之间有悬置段：请将这些内容编为一个条（如“总则”或“概述”），或移入下一层次的条。`,
    en: `${p.sectionEn} has a hanging paragraph between its title and its first subclause: make it a clause of its own (e.g. "General").`,
  }),
});

export const clauseTooDeep = defineRule({
  id: 'structure.clause-too-deep',
  severity: 'error',
  title: { zh: '条的层次过深', en: 'Clauses nested too deeply' },
  appliesTo: ALL_KINDS,
  check(ctx) {
    return ctx
      .ofType(NODE.clause)
      .filter((clause) => clause.clauseLevel === MAX_CLAUSE_LEVELS + 1)
      .map((clause) => {
        const d = ctx.describe(clause);
        return ctx.hit(clause, { clause: d.zh, clauseEn: d.en, max: MAX_CLAUSE_LEVELS });
      });
  },
  message: (p) => ({
    zh: `${p.clause}超出了章以下${p.max}个层次的限制，请调整条的结构。`,
    en: `${p.clauseEn} is more than ${p.max} levels below its chapter: restructure the clauses.`,
  }),
});

const FOREWORD_FORBIDDEN: Record<string, { zh: string; en: string }> = {
  [NODE.tableBlock]: { zh: '表', en: 'a table' },
  [NODE.table]: { zh: '表', en: 'a table' },
  [NODE.figureBlock]: { zh: '图', en: 'a figure' },
  [NODE.clause]: { zh: '条', en: 'a clause' },
  [NODE.chapter]: { zh: '章', en: 'a chapter' },
  [NODE.termEntry]: { zh: '术语条目', en: 'a term entry' },
};

export const forewordContent = defineRule({
  id: 'structure.foreword-content',
  severity: 'error',
  title: { zh: '前言中有条、表或图', en: 'Clauses, tables or figures in the foreword' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    return ctx.nodes
      .filter((n) => n.region === 'foreword' && n.type in FOREWORD_FORBIDDEN)
      .filter((n) => !(n.type === NODE.table && n.parent?.type === NODE.tableBlock))
      .map((n) => {
        const what = FOREWORD_FORBIDDEN[n.type] ?? { zh: n.type, en: n.type };
        return ctx.hit(n, { what: what.zh, whatEn: what.en });
      });
  },
  message: (p) => ({
    zh: `前言中不应包含${p.what}：前言不分条，不包含要求、表和图。`,
    en: `The foreword contains ${p.whatEn}: a foreword has no clauses, requirements, tables or figures.`,
  }),
});

export const danglingCrossReference = defineRule({
  id: 'structure.dangling-cross-reference',
  severity: 'error',
  title: { zh: '引用目标不存在', en: 'Dangling cross-reference' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    return ctx.crossRefs
      .filter((ref) => ref.target === null)
      .map((ref) => {
        const block = ref.at.parent ?? ref.at;
        return ctx.hit(ref.at, {}, excerpt(ctx.textOf(block)));
      });
  },
  message: () => ({
    zh: '交叉引用的目标已被删除：请重新插入引用或删除该引用。',
    en: 'The target of this cross-reference no longer exists: insert the reference again or remove it.',
  }),
});

export const STRUCTURE_RULES = [
  requiredChapterMissing,
  chapterEmpty,
  chapterOrder,
  loneSubclause,
  hangingParagraph,
  clauseTooDeep,
  forewordContent,
  danglingCrossReference,
];
