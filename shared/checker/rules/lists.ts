/**
 * Lists (GB/T 1.1—2020, 列项): "——" dash lists or a) b) c) / 1) 2) 3) lists, at most two
 * levels, made with list nodes — never bullet characters typed at the start of paragraphs.
 */
import { BULLET_LIST_STYLES, NODE, ORDERED_LIST_STYLES } from '../../editor/structure/names.js';
import type { IndexedNode } from '../context.js';
import { excerpt } from '../text.js';
import type { RuleHit } from '../types.js';
import { ALL_KINDS, defineRule } from './helpers.js';

const LIST_TYPES: readonly string[] = [NODE.bulletList, NODE.orderedList];

/** The maximum nesting of lists. */
export const MAX_LIST_LEVELS = 2;

function listLevel(node: IndexedNode): number {
  let level = 0;
  for (let n: IndexedNode | null = node; n; n = n.parent) if (LIST_TYPES.includes(n.type)) level += 1;
  return level;
}

export const listTooDeep = defineRule({
  id: 'lists.too-deep',
  severity: 'warning',
  title: { zh: '列项层次过多', en: 'List nested too deeply' },
  appliesTo: ALL_KINDS,
  check(ctx) {
    return ctx.nodes
      .filter((n) => LIST_TYPES.includes(n.type) && listLevel(n) === MAX_LIST_LEVELS + 1)
      .map((n) => {
        const where = ctx.describe(n);
        return ctx.hit(n, { where: where.zh, whereEn: where.en, max: MAX_LIST_LEVELS }, excerpt(ctx.textOf(n)));
      });
  },
  message: (p) => ({
    zh: `${p.where}中的列项超过了${p.max}个层次：列项最多分为两个层次，请调整为分条或合并层次。`,
    en: `A list in ${p.whereEn} is nested more than ${p.max} levels deep: lists have at most two levels.`,
  }),
});

/** Bullet characters typed instead of a list. */
const TYPED_BULLET = /^\s*([•·●○◦▪■◆・‧∙])/;

export const typedBullet = defineRule({
  id: 'lists.typed-bullet',
  severity: 'warning',
  title: { zh: '手工输入的项目符号', en: 'Typed bullet character' },
  appliesTo: ALL_KINDS,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const block of ctx.textBlocks) {
      if (block.at.type !== NODE.paragraph) continue;
      const m = TYPED_BULLET.exec(block.text);
      if (!m) continue;
      const where = ctx.describe(block.at);
      hits.push(ctx.hit(block.at, { char: m[1] ?? '', where: where.zh, whereEn: where.en }, excerpt(block.text)));
    }
    return hits;
  },
  message: (p) => ({
    zh: `${p.where}中的段落以“${p.char}”开头：列项应使用破折号“——”或 a）b）c）编号的列项，不使用圆点符号。`,
    en: `A paragraph in ${p.whereEn} starts with "${p.char}": use a dash list ("——") or a lettered list, not bullet characters.`,
  }),
});

export const listStyle = defineRule({
  id: 'lists.style',
  severity: 'warning',
  title: { zh: '列项符号不符合要求', en: 'List style not allowed' },
  appliesTo: ALL_KINDS,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const type of LIST_TYPES) {
      const allowed: readonly string[] = type === NODE.bulletList ? BULLET_LIST_STYLES : ORDERED_LIST_STYLES;
      for (const list of ctx.ofType(type)) {
        const style = list.node.attrs?.listStyle;
        if (style === undefined || style === null || (typeof style === 'string' && allowed.includes(style))) continue;
        const where = ctx.describe(list);
        hits.push(
          ctx.hit(list, { style: String(style), where: where.zh, whereEn: where.en }, excerpt(ctx.textOf(list))),
        );
      }
    }
    return hits;
  },
  message: (p) => ({
    zh: `${p.where}中的列项使用了“${p.style}”样式：无序列项应使用破折号“——”，有序列项使用 a）b）c）或 1）2）3）。`,
    en: `A list in ${p.whereEn} uses the style "${p.style}": use dashes ("——"), a) b) c) or 1) 2) 3).`,
  }),
});

export const LIST_RULES = [listTooDeep, typedBullet, listStyle];
