/**
 * Terms and definitions (GB/T 1.1—2020, 8.5): each entry has the term, its English equivalent and a
 * definition; a defined term is used in the text; chapter 3 opens with its fixed sentence.
 */
import { NODE } from '../../editor/structure/names.js';
import type { CheckContext, IndexedNode } from '../context.js';
import { NO_TERMS, TERMS_LEAD_IN, TERMS_LEAD_IN_CORE } from '../../editor/structure/fixedSentences.js';
import { compact, normalizeSentence } from '../text.js';
import type { RuleHit } from '../types.js';
import { STANDARD_ONLY, defineRule, isBlank, isBody } from './helpers.js';
import { withoutPlaceholders } from './placeholders.js';

const PLACEHOLDER = /［[^］]*］/;

/** The Chinese term and its synonyms (`术语；同义词`). */
function termNames(ctx: CheckContext, entry: IndexedNode): string[] {
  return ctx
    .titleOf(entry)
    .split(/[；;]/)
    .map((name) => compact(name))
    .filter((name) => name.length > 0 && !PLACEHOLDER.test(name));
}

/**
 * The body's text blocks that contain each of `names` (whitespace ignored), in one pass over the
 * text: at each character, only the names that start with it are looked up (by their lengths).
 */
function blocksUsing(ctx: CheckContext, names: readonly string[]): Map<string, IndexedNode[]> {
  const known = new Set(names);
  const lengthsByFirst = new Map<string, number[]>();
  for (const name of known) {
    const lengths = lengthsByFirst.get(name.charAt(0)) ?? [];
    if (!lengths.includes(name.length)) lengths.push(name.length);
    lengthsByFirst.set(name.charAt(0), lengths);
  }
  const users = new Map<string, IndexedNode[]>();
  if (known.size === 0) return users;
  // Jumps (natively) to the characters a name starts with.
  const starts = new RegExp(
    `[${[...lengthsByFirst.keys()].map((c) => c.replace(/[\\\][^-]/g, '\\$&')).join('')}]`,
    'g',
  );
  for (const block of ctx.textBlocks) {
    if (!isBody(block.at)) continue;
    const text = compact(block.text);
    starts.lastIndex = 0;
    for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
      const i = m.index;
      for (const length of lengthsByFirst.get(text.charAt(i)) ?? []) {
        const name = text.slice(i, i + length);
        if (name.length !== length || !known.has(name)) continue;
        const list = users.get(name);
        if (list === undefined) users.set(name, [block.at]);
        else if (list[list.length - 1] !== block.at) list.push(block.at);
      }
    }
  }
  return users;
}

export const termUnused = defineRule({
  id: 'terms.unused',
  severity: 'warning',
  title: { zh: '术语未在正文中使用', en: 'Defined term not used' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const entries = ctx.ofType(NODE.termEntry).map((entry) => ({ entry, names: termNames(ctx, entry) }));
    const users = blocksUsing(
      ctx,
      entries.flatMap((e) => e.names),
    );
    const hits: RuleHit[] = [];
    for (const { entry, names } of entries) {
      if (names.length === 0) continue;
      const usedInText = names.some((n) => users.get(n)?.some((at) => !ctx.isWithin(at, entry)));
      const referenced = entry.id !== null && ctx.crossRefsTo(entry).some((r) => !ctx.isWithin(r.at, entry));
      if (usedInText || referenced) continue;
      hits.push(ctx.hit(entry, { term: ctx.titleOf(entry), label: entry.label ?? '' }));
    }
    return hits;
  },
  message: (p) => ({
    zh: `术语${p.label}“${p.term}”在正文中没有使用：界定的术语应在文件中使用，未使用的术语应删除。`,
    en: `Term ${p.label} "${p.term}" is defined but never used in the text: use it or remove the entry.`,
  }),
});

const PARTS: readonly { type: string; zh: string; en: string }[] = [
  { type: NODE.termName, zh: '术语', en: 'the term' },
  { type: NODE.termEnglish, zh: '英文对应词', en: 'the English equivalent' },
  { type: NODE.termDefinition, zh: '定义', en: 'the definition' },
];

export const termEntryIncomplete = defineRule({
  id: 'terms.entry-incomplete',
  severity: 'error',
  title: { zh: '术语条目不完整', en: 'Incomplete term entry' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const entry of ctx.ofType(NODE.termEntry)) {
      const missing = PARTS.filter((part) => {
        const child = entry.children.find((c) => c.type === part.type);
        return !child || compact(ctx.textOf(child)).length === 0;
      });
      if (missing.length === 0) continue;
      hits.push(
        ctx.hit(entry, {
          label: entry.label ?? '',
          term: ctx.titleOf(entry),
          missing: missing.map((m) => m.zh).join('、'),
          missingEn: missing.map((m) => m.en).join(', '),
        }),
      );
    }
    return hits;
  },
  message: (p) => ({
    zh: `术语${p.label}${p.term ? `“${p.term}”` : ''}缺少${p.missing}：每个术语条目应有术语、英文对应词和定义。`,
    en: `Term ${p.label}${p.term ? ` "${p.term}"` : ''} lacks ${p.missingEn}: each entry has the term, its English equivalent and a definition.`,
  }),
});

export const termsLeadIn = defineRule({
  id: 'terms.lead-in-missing',
  severity: 'error',
  title: { zh: '术语和定义缺少引导语', en: 'Terms lead-in missing' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const chapter = ctx.chapterByRole('terms');
    if (!chapter) return [];
    const text = normalizeSentence(
      withoutPlaceholders(
        ctx
          .blocksOf(chapter)
          .filter((b) => b.type === NODE.paragraph && !isBlank(ctx, b))
          .map((b) => ctx.textOf(b))
          .join(''),
      ),
    );
    const hasEntries = ctx.ofTypeWithin(NODE.termEntry, chapter).length > 0;
    const ok = text.includes(TERMS_LEAD_IN_CORE) || (!hasEntries && text.includes(normalizeSentence(NO_TERMS)));
    if (ok) return [];
    const d = ctx.describe(chapter);
    return [ctx.hit(chapter, { chapter: d.zh, chapterEn: d.en, empty: hasEntries ? 0 : 1 })];
  },
  message: (p) =>
    p.empty === 1
      ? {
          zh: `${p.chapter}没有术语条目，应写明“${NO_TERMS}”`,
          en: `${p.chapterEn} defines no terms: it should state "${NO_TERMS}".`,
        }
      : {
          zh: `${p.chapter}应以引导语“${TERMS_LEAD_IN}”（或“GB/T ×××× 界定的以及下列术语和定义适用于本文件。”）开头。`,
          en: `${p.chapterEn} should open with the fixed lead-in "${TERMS_LEAD_IN}".`,
        },
});

export const TERM_RULES = [termUnused, termEntryIncomplete, termsLeadIn];
