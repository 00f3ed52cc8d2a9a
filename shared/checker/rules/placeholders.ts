/**
 * Guidance left from the template: text in full-width brackets "［…］" (the template's placeholders)
 * or containing "在此填写". Bibliography numbers ("［1］") and term sources ("［来源：…］") are not
 * placeholders.
 */
import { NODE } from '../../editor/structure/names.js';
import type { IndexedNode } from '../context.js';
import { excerpt, matchAll } from '../text.js';
import { ALL_KINDS, defineRule } from './helpers.js';

const BRACKETED = /［([^［］]*)］/g;
const FILL_IN = /在此填写/g;

/** Whether a bracketed text is a placeholder (not a number or a term source). */
function isPlaceholder(inner: string): boolean {
  const text = inner.trim();
  return !/^\d+$/.test(text) && !/^来源[：:]/.test(text);
}

/** The text with its placeholders removed (so guidance quoting a fixed sentence is not taken for it). */
export function withoutPlaceholders(text: string): string {
  return text.replace(BRACKETED, (m, inner: string) => (isPlaceholder(inner) ? '' : m));
}

export function findPlaceholder(text: string): { index: number; length: number } | null {
  const bracketed = matchAll(BRACKETED, text).find((m) => isPlaceholder(m.groups[0] ?? ''));
  const fillIn = matchAll(FILL_IN, text)[0];
  const first = [bracketed, fillIn].filter((m) => m !== undefined).sort((a, b) => a.index - b.index)[0];
  return first ? { index: first.index, length: first.text.length } : null;
}

export const templatePlaceholder = defineRule({
  id: 'placeholders.template-text',
  severity: 'error',
  title: { zh: '残留模板提示文字', en: 'Template placeholder left' },
  appliesTo: ALL_KINDS,
  check(ctx) {
    // One finding per text block, but one per table: a template table has a placeholder in every cell.
    const seen = new Map<IndexedNode, { params: Record<string, string | number>; excerpt: string; count: number }>();
    const order: IndexedNode[] = [];
    for (const block of ctx.textBlocks) {
      const found = findPlaceholder(block.text);
      if (!found) continue;
      const at = ctx.closest(block.at, [NODE.tableBlock]) ?? block.at;
      const existing = seen.get(at);
      if (existing) {
        existing.count += 1;
        continue;
      }
      const where = ctx.describe(block.at);
      const text = block.text.slice(found.index, found.index + found.length);
      seen.set(at, {
        params: { where: where.zh, whereEn: where.en, text },
        excerpt: excerpt(block.text, found.index, found.length),
        count: 1,
      });
      order.push(at);
    }
    return order.map((at) => {
      const entry = seen.get(at);
      return ctx.hit(at, { ...entry?.params, count: entry?.count ?? 1 }, entry?.excerpt);
    });
  },
  message: (p) => ({
    zh: `${p.where}中残留模板提示文字“${String(p.text).slice(0, 30)}${String(p.text).length > 30 ? '…' : ''}”${Number(p.count) > 1 ? `等${p.count}处` : ''}：请替换为正式内容或删除。`,
    en: `${p.whereEn} still contains template guidance${Number(p.count) > 1 ? ` (${p.count} places)` : ''}: replace it with the real text or delete it.`,
  }),
});

export const PLACEHOLDER_RULES = [templatePlaceholder];
