/**
 * The verbal forms of GB/T 1.1—2020 (9.1, 表3–表6): requirements are 应/不应, never 必须; 不得/不可
 * are rewritten as 不应; definitions, notes and examples contain no provisions; the foreword
 * contains no requirements.
 */
import { NODE } from '../../editor/structure/names.js';
import type { CheckContext, TextBlock } from '../context.js';
import { findModals, findProhibitions, findRequirement } from '../modals.js';
import { excerpt, matchAll } from '../text.js';
import type { Rule, RuleHit } from '../types.js';
import { STANDARD_ONLY, defineRule, isExampleText } from './helpers.js';

/** Text blocks of the provisions and the foreword (not the titles of cited documents). */
function provisionBlocks(ctx: CheckContext): TextBlock[] {
  return ctx.textBlocks.filter(
    (b) =>
      (b.at.region === 'chapter' || b.at.region === 'annex' || b.at.region === 'foreword') &&
      b.at.type !== NODE.referenceEntry,
  );
}

export const mustWording = defineRule({
  id: 'wording.must',
  severity: 'error',
  title: { zh: '使用了“必须”', en: '"必须" used' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const block of provisionBlocks(ctx)) {
      const found = matchAll(/必须/g, block.text);
      const first = found[0];
      if (!first) continue;
      const where = ctx.describe(block.at);
      hits.push(
        ctx.hit(
          block.at,
          { where: where.zh, whereEn: where.en, count: found.length },
          excerpt(block.text, first.index, 2),
        ),
      );
    }
    return hits;
  },
  message: (p) => ({
    zh: `${p.where}中使用了“必须”${Number(p.count) > 1 ? `（${p.count}处）` : ''}：要求应使用“应”表述（GB/T 1.1—2020 表3）。`,
    en: `${p.whereEn} uses "必须"${Number(p.count) > 1 ? ` (${p.count} times)` : ''}: express requirements with "应" (GB/T 1.1—2020, Table 3).`,
  }),
});

export const prohibitionWording = defineRule({
  id: 'wording.prohibition',
  severity: 'warning',
  title: { zh: '使用了“不得”“不可”', en: '"不得"/"不可" used' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const block of provisionBlocks(ctx)) {
      const found = findProhibitions(block.text);
      const first = found[0];
      if (!first) continue;
      const where = ctx.describe(block.at);
      hits.push(
        ctx.hit(
          block.at,
          { where: where.zh, whereEn: where.en, word: first.word },
          excerpt(block.text, first.index, 2),
        ),
      );
    }
    return hits;
  },
  message: (p) => ({
    zh: `${p.where}中使用了“${p.word}”：禁止性要求宜改为“不应”。`,
    en: `${p.whereEn} uses "${p.word}": write prohibitions with "不应".`,
  }),
});

type InformativePart = 'definition' | 'note' | 'example';

const PART_NAMES: Record<InformativePart, { zh: string; en: string }> = {
  definition: { zh: '定义', en: 'definition' },
  note: { zh: '注', en: 'note' },
  example: { zh: '示例', en: 'example' },
};

function partOf(ctx: CheckContext, block: TextBlock): InformativePart | null {
  if (block.at.type === NODE.termDefinition) return 'definition';
  if (ctx.closest(block.at, [NODE.note]) !== null) return 'note';
  if (block.at.type === NODE.paragraph && isExampleText(block.text)) return 'example';
  return null;
}

function modalIn(part: InformativePart, id: string, title: { zh: string; en: string }): Rule {
  const name = PART_NAMES[part];
  return defineRule({
    id,
    severity: 'error',
    title,
    appliesTo: STANDARD_ONLY,
    check(ctx) {
      const hits: RuleHit[] = [];
      for (const block of ctx.textBlocks) {
        if (partOf(ctx, block) !== part) continue;
        const modal = findModals(block.text)[0];
        if (!modal) continue;
        const where = ctx.describe(block.at);
        hits.push(
          ctx.hit(
            block.at,
            { where: where.zh, whereEn: where.en, word: modal.word },
            excerpt(block.text, modal.index, modal.word.length),
          ),
        );
      }
      return hits;
    },
    message: (p) => ({
      zh: `${p.where}的${name.zh}中出现了“${p.word}”：${name.zh}中不应包含要求、推荐或允许（不使用“应”“宜”“可”“不得”“必须”等）。`,
      en: `The ${name.en} in ${p.whereEn} contains "${p.word}": a ${name.en} states no requirement, recommendation or permission.`,
    }),
  });
}

export const modalInDefinition = modalIn('definition', 'wording.modal-in-definition', {
  zh: '定义中含有要求',
  en: 'Provision in a definition',
});
export const modalInNote = modalIn('note', 'wording.modal-in-note', { zh: '注中含有要求', en: 'Provision in a note' });
export const modalInExample = modalIn('example', 'wording.modal-in-example', {
  zh: '示例中含有要求',
  en: 'Provision in an example',
});

export const requirementInForeword = defineRule({
  id: 'wording.requirement-in-foreword',
  severity: 'error',
  title: { zh: '前言中含有要求', en: 'Requirement in the foreword' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const block of ctx.textBlocks) {
      if (block.at.region !== 'foreword') continue;
      const modal = findRequirement(block.text);
      if (modal)
        hits.push(ctx.hit(block.at, { word: modal.word }, excerpt(block.text, modal.index, modal.word.length)));
    }
    return hits;
  },
  message: (p) => ({
    zh: `前言中出现了要求（“${p.word}”）：前言不应包含要求，要求应写入正文相应的章条。`,
    en: `The foreword contains a requirement ("${p.word}"): move requirements into the body.`,
  }),
});

export const WORDING_RULES = [
  mustWording,
  prohibitionWording,
  modalInDefinition,
  modalInNote,
  modalInExample,
  requirementInForeword,
];
