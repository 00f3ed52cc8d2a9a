/**
 * Who cites what: the documents listed in chapter 2 (规范性引用文件) and every citation of a
 * standard in the text — a cross-reference to a list entry or a designation typed in the text —
 * computed once per document and shared by the reference rules.
 */
import { NODE } from '../../editor/structure/names.js';
import type { CheckContext, IndexedNode } from '../context.js';
import { parseDesignation, type Designation } from '../../editor/structure/designations.js';
import { findMentions } from '../standardCodes.js';
import { excerpt } from '../text.js';
import { inChapterRole, isBody, isExampleText, memo } from './helpers.js';

export interface ListedReference {
  at: IndexedNode;
  text: string;
  designation: Designation | null;
}

export interface Citation {
  /** The text block (or, for a cross-reference, the crossRef node) that cites. */
  at: IndexedNode;
  designation: Designation;
  /** A cross-reference to a list entry (always consistent with the entry). */
  viaCrossRef: boolean;
  /**
   * Normative: in the body outside notes, examples, term sources and informative annexes. Only
   * normative citations must be listed in chapter 2; any citation counts as "cited".
   */
  normative: boolean;
  excerpt: string;
}

export interface ReferenceAnalysis {
  chapter: IndexedNode | null;
  entries: ListedReference[];
  citations: Citation[];
}

/** `［来源：GB/T 20000.1—2014，3.1］`: the source of a term, an informative mention. */
const SOURCE = /［来源[：:][^］]*］|\[来源[：:][^\]]*\]/g;

function blankOut(text: string, pattern: RegExp): string {
  return text.replace(pattern, (m) => ' '.repeat(m.length));
}

function isInformativeContext(ctx: CheckContext, node: IndexedNode, text: string): boolean {
  if (ctx.closest(node, [NODE.note]) !== null) return true;
  if (node.type === NODE.paragraph && isExampleText(text)) return true;
  return node.annex !== null && node.annex.node.attrs?.normative === 'informative';
}

function ownNumberKey(ctx: CheckContext): string | null {
  const cover = ctx.ofType(NODE.standardCover)[0];
  const number = cover?.node.attrs?.standardNumber;
  return typeof number === 'string' && number.trim() ? (parseDesignation(number)?.key ?? null) : null;
}

export const analyzeReferences = memo((ctx: CheckContext): ReferenceAnalysis => {
  const chapter = ctx.chapterByRole('normative-references');
  const entries: ListedReference[] = ctx.ofType(NODE.referenceEntry).map((at) => {
    const text = ctx.textOf(at).trim();
    return { at, text, designation: parseDesignation(text) };
  });
  const ownKey = ownNumberKey(ctx);
  const citations: Citation[] = [];
  for (const block of ctx.textBlocks) {
    const at = block.at;
    if (!isBody(at) || inChapterRole(ctx, at, 'normative-references') || at.type === NODE.referenceEntry) continue;
    const normative = !isInformativeContext(ctx, at, block.text);
    for (const mention of findMentions(blankOut(block.text, SOURCE))) {
      if (mention.designation.key === ownKey) continue;
      citations.push({
        at,
        designation: mention.designation,
        viaCrossRef: false,
        normative,
        excerpt: excerpt(block.text, mention.index, mention.text.length),
      });
    }
  }
  const entryAt = new Map<IndexedNode, ListedReference>();
  for (const e of entries) if (!entryAt.has(e.at)) entryAt.set(e.at, e);
  for (const ref of ctx.crossRefs) {
    if (ref.target?.type !== NODE.referenceEntry || !isBody(ref.at)) continue;
    const entry = entryAt.get(ref.target);
    if (!entry?.designation) continue;
    const block = ref.at.parent ?? ref.at;
    citations.push({
      at: ref.at,
      designation: entry.designation,
      viaCrossRef: true,
      normative: !isInformativeContext(ctx, block, ctx.textOf(block)),
      excerpt: excerpt(ctx.textOf(block)),
    });
  }
  citations.sort((a, b) => a.at.order - b.at.order);
  return { chapter, entries, citations };
});
