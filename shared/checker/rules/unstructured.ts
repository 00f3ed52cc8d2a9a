/**
 * Text that bypasses the structure: a bare table (no 表N, no title), a free heading instead of a
 * clause, and numbers typed at the start of a paragraph ("5.1 外观", "表1 性能要求") — numbers of
 * clauses, tables and figures are computed from the structure, never typed.
 */
import { NODE } from '../../editor/structure/names.js';
import type { IndexedNode } from '../context.js';
import { excerpt } from '../text.js';
import type { RuleHit } from '../types.js';
import { ALL_KINDS, defineRule } from './helpers.js';

/** A clause number typed at the start: `5.1 外观`, `5.1.2`, `A.1 试验装置` (a decimal such as `1.5 L` is not one). */
const TYPED_CLAUSE_NUMBER = /^\s*((?:[A-Z]|\d{1,2})(?:\.\d{1,2}){1,5})(?:[\s\u3000]+(?=[\u4e00-\u9fff])|\s*$)/u;
/** A table or figure caption typed as a paragraph: `表1 性能要求`, `图A.1　结构示意图` (no sentence). */
const TYPED_CAPTION = /^\s*([表图]\s*(?:[A-Z]\.)?\d{1,3})(?:[\s\u3000]+[^。；]{1,40}|\s*)$/u;

/** Where typed numbers do not matter: the cover and the contents (forms and generated). */
const SKIPPED_REGIONS = new Set(['cover', 'contents']);

export const bareTable = defineRule({
  id: 'structure.bare-table',
  severity: 'error',
  title: { zh: '表没有表号和表题', en: 'Table without number and title' },
  appliesTo: ALL_KINDS,
  check(ctx) {
    return ctx
      .ofType(NODE.table)
      .filter((t) => t.parent?.type !== NODE.tableBlock)
      .map((t) => ctx.hit(t, {}, excerpt(ctx.textOf(t))));
  },
  message: () => ({
    zh: '表没有表号和表题：请用“插入 → 表”插入带编号（表1、表2……）和表题的表，把内容移入后删除这个表。',
    en: 'This table has no number and no title: insert a numbered table with a title (Insert → Table), move the content into it and delete this one.',
  }),
});

export const freeHeading = defineRule({
  id: 'structure.heading',
  severity: 'warning',
  title: { zh: '使用了自由标题', en: 'Free heading' },
  appliesTo: ALL_KINDS,
  check(ctx) {
    return ctx.ofType('heading').map((h) => ctx.hit(h, {}, excerpt(ctx.textOf(h))));
  },
  message: () => ({
    zh: '这是一个自由标题，不属于章条结构，不会编号、也不会进入目次：请改用“插入条”或“插入子条”，并把该段改为正文。',
    en: 'This is a free heading outside the clause structure: it is not numbered and not in the contents. Insert a clause or subclause instead and make this a paragraph.',
  }),
});

function typedNumber(text: string): string | null {
  return TYPED_CLAUSE_NUMBER.exec(text)?.[1] ?? TYPED_CAPTION.exec(text)?.[1] ?? null;
}

function isTyped(node: IndexedNode): boolean {
  return !SKIPPED_REGIONS.has(node.region);
}

export const typedNumberRule = defineRule({
  id: 'structure.typed-number',
  severity: 'warning',
  title: { zh: '手工输入的编号', en: 'Typed number' },
  appliesTo: ALL_KINDS,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const node of ctx.ofType(NODE.paragraph)) {
      if (!isTyped(node) || ctx.closest(node, [NODE.table, NODE.note, NODE.listItem]) !== null) continue;
      const text = ctx.textOf(node);
      const number = typedNumber(text);
      if (number === null) continue;
      const float = number.startsWith('表') ? 'table' : number.startsWith('图') ? 'figure' : 'clause';
      hits.push(ctx.hit(node, { number, float }, excerpt(text)));
    }
    return hits;
  },
  message: (p) => {
    if (p.float === 'clause') {
      return {
        zh: `段落以手工输入的编号“${p.number}”开头：编号由结构自动计算，不要手工输入——请删除“${p.number}”，改用“插入条”或“插入子条”建立该条。`,
        en: `The paragraph starts with a typed number "${p.number}": numbers are computed from the structure, don't type them — delete it and insert a clause or subclause instead.`,
      };
    }
    const zh = p.float === 'table' ? '表' : '图';
    return {
      zh: `段落以手工输入的“${p.number}”开头：${zh}号由结构自动计算，不要手工输入——请用“插入 → ${zh}”插入带编号的${zh}，并把${zh}题写在其中。`,
      en: `The paragraph starts with a typed "${p.number}": ${p.float} numbers are computed, don't type them — insert a numbered ${p.float} (Insert menu) and write its title there.`,
    };
  },
});

export const UNSTRUCTURED_RULES = [bareTable, freeHeading, typedNumberRule];
