/**
 * Finding a thread's text again when its anchor no longer resolves. Some edits recreate content
 * instead of moving it — y-tiptap rewrites a section that moved past its sibling (structure
 * toolbar ↑/↓) — so the relative positions point at deleted items although the words are still
 * there. The thread's quote is looked up in the current document: inside the clause it was
 * recorded in (clauses keep their stable id when they move), else anywhere if it occurs exactly
 * once. Nothing found means the text really is gone: the thread is orphaned.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { QUOTE_MAX } from '../domain/comments.js';
import type { AnchorContext, AnchorRange } from './anchors.js';
import { createAnchor, quoteOf, resolveAnchor } from './anchors.js';

interface FlatText {
  text: string;
  /** The document position of each character of `text`. */
  positions: number[];
}

/** The text between two positions as `quoteOf` reads it (blocks separated by "\n", inline atoms as " "), with positions. */
function flatten(doc: PMNode, from: number, to: number): FlatText {
  let text = '';
  const positions: number[] = [];
  let separated = true;
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.isText && node.text) {
      const start = Math.max(from, pos);
      const end = Math.min(to, pos + node.nodeSize);
      for (let p = start; p < end; p++) {
        text += node.text[p - pos];
        positions.push(p);
      }
      separated = false;
    } else if (node.isLeaf) {
      text += ' ';
      positions.push(pos);
      separated = false;
    } else if (node.isBlock && !separated) {
      text += '\n';
      positions.push(pos);
      separated = true;
    }
    return true;
  });
  return { text, positions };
}

/** The ranges where `needle` occurs between from and to (at most `limit`). */
function occurrences(doc: PMNode, from: number, to: number, needle: string, limit: number): AnchorRange[] {
  const flat = flatten(doc, from, to);
  const found: AnchorRange[] = [];
  for (let i = flat.text.indexOf(needle); i >= 0 && found.length < limit; i = flat.text.indexOf(needle, i + 1)) {
    const start = flat.positions[i];
    const last = flat.positions[i + needle.length - 1];
    if (start !== undefined && last !== undefined) found.push({ from: start, to: last + 1 });
  }
  return found;
}

function nodeRange(doc: PMNode, id: string): AnchorRange | null {
  let range: AnchorRange | null = null;
  doc.descendants((node, pos) => {
    if (range) return false;
    if (node.attrs.id === id) {
      range = { from: pos, to: pos + node.nodeSize };
      return false;
    }
    return !node.isTextblock;
  });
  return range;
}

/** What to look for: the quote itself, or the part kept of a shortened one. */
function searchText(quote: string): string {
  return quote.length === QUOTE_MAX && quote.endsWith('…') ? quote.slice(0, -1) : quote;
}

/** Where the quoted text is now: once in its clause, else once in the whole document; null if not found. */
export function relocateQuote(doc: PMNode, quote: string, clauseId: string | null): AnchorRange | null {
  const needle = searchText(quote);
  if (needle.trim().length === 0) return null;
  const clause = clauseId ? nodeRange(doc, clauseId) : null;
  if (clause) {
    const inClause = occurrences(doc, clause.from, clause.to, needle, 2);
    if (inClause.length === 1) return inClause[0] ?? null;
    if (inClause.length > 1) return null;
  }
  const anywhere = occurrences(doc, 0, doc.content.size, needle, 2);
  return anywhere.length === 1 ? (anywhere[0] ?? null) : null;
}

/** Fresh anchors for a thread whose anchor no longer resolves, if its text is found (and the new anchors resolve to it). */
export function reanchor(
  context: AnchorContext,
  quote: string,
  clauseId: string | null,
): { anchorStart: string; anchorEnd: string } | null {
  const range = relocateQuote(context.doc, quote, clauseId);
  if (!range) return null;
  const fresh = createAnchor(context, range.from, range.to);
  const check = resolveAnchor(context, fresh.anchorStart, fresh.anchorEnd);
  if (!check || check.from !== range.from || check.to !== range.to) return null;
  return quoteOf(context.doc, range.from, range.to).length > 0 ? fresh : null;
}
