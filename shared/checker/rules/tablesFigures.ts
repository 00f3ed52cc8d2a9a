/**
 * Tables, figures and annexes (GB/T 1.1—2020, 9.3, 9.4, 8.9): each has a title and is cited in the
 * text ("见表1", "按附录A", or a cross-reference); annexes are lettered in the order of their first
 * citation.
 */
import { NODE } from '../../editor/structure/names.js';
import { englishLabel, type CheckContext, type IndexedNode } from '../context.js';
import { compact, floatMentionPattern } from '../text.js';
import type { Rule, RuleHit } from '../types.js';
import { LabelMentions } from '../labelMentions.js';
import { STANDARD_ONLY, ALL_KINDS, defineRule, isBody, memo } from './helpers.js';

interface FloatKind {
  type: string;
  zh: string;
  en: string;
}

const TABLE: FloatKind = { type: NODE.tableBlock, zh: '表', en: 'table' };
const FIGURE: FloatKind = { type: NODE.figureBlock, zh: '图', en: 'figure' };

function captionEmpty(kind: FloatKind, id: string): Rule {
  return defineRule({
    id,
    severity: 'warning',
    title: { zh: `${kind.zh}没有${kind.zh}题`, en: `${kind.en === 'table' ? 'Table' : 'Figure'} without a title` },
    appliesTo: ALL_KINDS,
    check(ctx) {
      return ctx
        .ofType(kind.type)
        .filter((n) => compact(ctx.titleOf(n)).length === 0)
        .map((n) => ctx.hit(n, { label: n.label ?? kind.zh, labelEn: englishLabel(n.label ?? kind.zh) }));
    },
    message: (p) => ({
      zh: `${p.label}没有${kind.zh}题：请填写${kind.zh}题${kind === TABLE ? '（位于表的上方）' : '（位于图的下方）'}。`,
      en: `${p.labelEn} has no title: fill in its caption${kind === TABLE ? ' (above the table)' : ' (below the figure)'}.`,
    }),
  });
}

/** How an annex is mentioned in text: `附录A`, not the start of a longer letter. */
function annexMention(annex: IndexedNode): { label: string; pattern: RegExp } {
  const letter = annex.item?.letter ?? (annex.label ?? '').replace(/^附录/, '');
  return { label: `附录${letter}`, pattern: new RegExp(`附录${letter}(?![A-Za-z])`) };
}

/**
 * The first node in the body that cites each table, figure and annex from outside it (a
 * cross-reference, or its label in the text), found in one pass over the texts per document.
 */
const firstCitations = memo((ctx: CheckContext): ((target: IndexedNode) => IndexedNode | null) => {
  const mentions = new LabelMentions<IndexedNode>();
  for (const type of [NODE.tableBlock, NODE.figureBlock]) {
    for (const n of ctx.ofType(type)) if (n.label !== null) mentions.add(n.label, floatMentionPattern(n.label), n);
  }
  for (const annex of ctx.ofType(NODE.annex)) {
    const { label, pattern } = annexMention(annex);
    mentions.add(label, pattern, annex);
  }
  const viaText = new Map<IndexedNode, IndexedNode>();
  for (const b of ctx.textBlocks) {
    if (!isBody(b.at) || b.at.type === NODE.sectionTitle) continue;
    for (const target of mentions.mentionedIn(b.text)) {
      if (!viaText.has(target) && !ctx.isWithin(b.at, target)) viaText.set(target, b.at);
    }
  }
  return (target) => {
    const viaRef = ctx.crossRefsTo(target).find((r) => isBody(r.at) && !ctx.isWithin(r.at, target))?.at ?? null;
    const text = viaText.get(target) ?? null;
    if (viaRef && text) return viaRef.order <= text.order ? viaRef : text;
    return viaRef ?? text;
  };
});

function uncited(kind: FloatKind, id: string): Rule {
  return defineRule({
    id,
    severity: 'error',
    title: { zh: `${kind.zh}未在正文中引用`, en: `${kind.en === 'table' ? 'Table' : 'Figure'} never cited` },
    appliesTo: STANDARD_ONLY,
    check(ctx) {
      return ctx
        .ofType(kind.type)
        .filter((n) => n.label !== null && firstCitations(ctx)(n) === null)
        .map((n) => ctx.hit(n, { label: n.label ?? '', labelEn: englishLabel(n.label ?? ''), title: ctx.titleOf(n) }));
    },
    message: (p) => ({
      zh: `${p.label}${p.title ? `“${p.title}”` : ''}在正文中没有被引用：每个${kind.zh}都应在条文中提及（如“见${p.label}”），宜插入交叉引用。`,
      en: `${p.labelEn}${p.title ? ` "${p.title}"` : ''} is never cited in the text: refer to every ${kind.en} (e.g. "见${p.label}").`,
    }),
  });
}

export const tableCaptionEmpty = captionEmpty(TABLE, 'tables.caption-empty');
export const figureCaptionEmpty = captionEmpty(FIGURE, 'figures.caption-empty');
export const tableUncited = uncited(TABLE, 'tables.uncited');
export const figureUncited = uncited(FIGURE, 'figures.uncited');

const annexCitations = (ctx: CheckContext): { annex: IndexedNode; first: IndexedNode | null }[] =>
  ctx.ofType(NODE.annex).map((annex) => ({ annex, first: firstCitations(ctx)(annex) }));

export const annexUncited = defineRule({
  id: 'annexes.uncited',
  severity: 'error',
  title: { zh: '附录未在正文中引用', en: 'Annex never cited' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    return annexCitations(ctx)
      .filter((a) => a.first === null)
      .map(({ annex }) =>
        ctx.hit(annex, {
          label: annex.label ?? '',
          labelEn: englishLabel(annex.label ?? ''),
          title: ctx.titleOf(annex),
        }),
      );
  },
  message: (p) => ({
    zh: `${p.label}${p.title ? `“${p.title}”` : ''}在正文中没有被引用：每个附录都应在正文中提及（如“按${p.label}规定的方法”）。`,
    en: `${p.labelEn}${p.title ? ` "${p.title}"` : ''} is never cited in the text: refer to every annex from the body.`,
  }),
});

export const annexOrder = defineRule({
  id: 'annexes.order',
  severity: 'error',
  title: { zh: '附录顺序与首次引用顺序不一致', en: 'Annexes not in order of first citation' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const cited = annexCitations(ctx).filter((a) => a.first !== null);
    const hits: RuleHit[] = [];
    cited.forEach((current, i) => {
      const earlier = cited.slice(0, i).find((a) => a.first && current.first && a.first.order > current.first.order);
      if (!earlier || !current.first || !earlier.first) return;
      const here = ctx.locate(current.first).clauseLabel ?? '';
      const there = ctx.locate(earlier.first).clauseLabel ?? '';
      const label = current.annex.label ?? '';
      const other = earlier.annex.label ?? '';
      hits.push(
        ctx.hit(current.annex, {
          label,
          labelEn: englishLabel(label),
          other,
          otherEn: englishLabel(other),
          here,
          there,
        }),
      );
    });
    return hits;
  },
  message: (p) => ({
    zh: `${p.label}在正文中首次引用（${p.here}）早于${p.other}（${p.there}）：附录应按在正文中首次引用的顺序编排。`,
    en: `${p.labelEn} is first cited (${p.here}) before ${p.otherEn} (${p.there}): letter annexes in the order of their first citation.`,
  }),
});

export const TABLE_FIGURE_RULES = [
  tableCaptionEmpty,
  tableUncited,
  figureCaptionEmpty,
  figureUncited,
  annexUncited,
  annexOrder,
];
