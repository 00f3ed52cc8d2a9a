/**
 * Notes (GB/T 1.1—2020, 9.6): notes are `note` nodes whose label is computed — a single note is
 * "注：", several are "注1：", "注2：" …. A paragraph typed as "注：…" is not a note, and a typed
 * number that does not fit the count is wrong.
 */
import { NODE } from '../../editor/structure/names.js';
import type { CheckContext, IndexedNode } from '../context.js';
import { excerpt } from '../text.js';
import type { RuleHit } from '../types.js';
import { ALL_KINDS, defineRule } from './helpers.js';

/** A typed note label at the start of a text: `注：`, `注1：`, `注 2:`. */
const TYPED_LABEL = /^\s*注\s*(\d*)\s*[：:]/;

function typedLabel(ctx: CheckContext, node: IndexedNode): { label: string; number: string } | null {
  const m = TYPED_LABEL.exec(ctx.textOf(node));
  return m ? { label: m[0].trim(), number: m[1] ?? '' } : null;
}

export const typedNoteLabel = defineRule({
  id: 'notes.typed-label',
  severity: 'warning',
  title: { zh: '手工输入的注', en: 'Typed note label' },
  appliesTo: ALL_KINDS,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const type of [NODE.paragraph, NODE.note]) {
      for (const node of ctx.ofType(type)) {
        if (type === NODE.paragraph && ctx.closest(node, [NODE.note]) !== null) continue;
        const typed = typedLabel(ctx, node);
        if (!typed) continue;
        hits.push(ctx.hit(node, { label: typed.label, isNote: type === NODE.note ? 1 : 0 }, excerpt(ctx.textOf(node))));
      }
    }
    return hits;
  },
  message: (p) =>
    p.isNote === 1
      ? {
          zh: `注的内容以手工输入的“${p.label}”开头：注的编号由系统生成，请删除手工输入的编号。`,
          en: `The note starts with a typed "${p.label}": note labels are generated; delete the typed one.`,
        }
      : {
          zh: `以“${p.label}”开头的普通段落：请改为插入“注”，编号（注：/注1：注2：）由系统生成。`,
          en: `A plain paragraph starts with "${p.label}": insert a note instead; its label is generated.`,
        },
});

export const noteNumbering = defineRule({
  id: 'notes.numbering',
  severity: 'warning',
  title: { zh: '注的编号不正确', en: 'Notes numbered wrongly' },
  appliesTo: ALL_KINDS,
  check(ctx) {
    const hits: RuleHit[] = [];
    const parents = new Set<IndexedNode>();
    for (const node of ctx.ofType(NODE.paragraph)) if (node.parent && typedLabel(ctx, node)) parents.add(node.parent);
    for (const parent of parents) {
      const notes = parent.children.filter(
        (c) => c.type === NODE.note || (c.type === NODE.paragraph && typedLabel(ctx, c) !== null),
      );
      notes.forEach((note, i) => {
        if (note.type !== NODE.paragraph) return;
        const typed = typedLabel(ctx, note);
        if (!typed) return;
        const expected = notes.length === 1 ? '' : String(i + 1);
        if (typed.number === expected) return;
        const label = notes.length === 1 ? '注：' : `注${i + 1}：`;
        hits.push(
          ctx.hit(note, { typed: typed.label, expected: label, count: notes.length }, excerpt(ctx.textOf(note))),
        );
      });
    }
    return hits;
  },
  message: (p) => ({
    zh: `注编号为“${p.typed}”，此处共有${p.count}条注，应为“${p.expected}”（只有一条注时用“注：”，多条时用“注1：”“注2：”……）。`,
    en: `Note labelled "${p.typed}" where there ${p.count === 1 ? 'is 1 note' : `are ${p.count} notes`}: it should be "${p.expected}".`,
  }),
});

export const NOTE_RULES = [typedNoteLabel, noteNumbering];
