/** Shared pieces of the rule modules. */
import { DOCUMENT_KINDS, type DocumentKind } from '../../domain/project.js';
import { CHAPTER_ROLE_TITLES, CHAPTER_ROLE_TITLES_EN, NODE, type ChapterRole } from '../../editor/structure/names.js';
import type { CheckContext, IndexedNode } from '../context.js';
import type { Rule } from '../types.js';

export const ALL_KINDS: readonly DocumentKind[] = DOCUMENT_KINDS;
export const STANDARD_ONLY: readonly DocumentKind[] = ['standard'];

/** Identity, for type checking a rule literal. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

export function roleNames(role: ChapterRole): { zh: string; en: string } {
  return { zh: CHAPTER_ROLE_TITLES[role] || '其他', en: CHAPTER_ROLE_TITLES_EN[role] };
}

/** Text blocks of the body (chapters and annexes) — where provisions are. */
export function isBody(node: IndexedNode): boolean {
  return node.region === 'chapter' || node.region === 'annex';
}

/** Whether the node is in (or is) the chapter of the given role. */
export function inChapterRole(ctx: CheckContext, node: IndexedNode, role: ChapterRole): boolean {
  return node.chapter !== null && ctx.roleOf(node.chapter) === role;
}

/** A paragraph that starts an example: `示例：`, `示例1：`. */
export function isExampleText(text: string): boolean {
  return /^\s*示例\s*\d*\s*[：:]/.test(text);
}

/** The block's text is an empty line (no text, no cross-reference). */
export function isBlank(ctx: CheckContext, node: IndexedNode): boolean {
  return ctx.textOf(node).trim().length === 0 && !hasAtoms(node);
}

const CONTENT_ATOMS = new Set<string>([
  NODE.tableBlock,
  NODE.figureBlock,
  NODE.table,
  NODE.draftingCredits,
  NODE.crossRef,
  'image',
  NODE.horizontalRule,
]);

function hasAtoms(node: IndexedNode): boolean {
  return CONTENT_ATOMS.has(node.type) || node.children.some(hasAtoms);
}

/** Memoizes a per-document analysis shared by several rules. */
export function memo<T>(compute: (ctx: CheckContext) => T): (ctx: CheckContext) => T {
  const cache = new WeakMap<CheckContext, T>();
  return (ctx) => {
    const cached = cache.get(ctx);
    if (cached !== undefined) return cached;
    const value = compute(ctx);
    cache.set(ctx, value);
    return value;
  };
}
