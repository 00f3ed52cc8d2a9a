/**
 * Where the comment anchors of a document are in its current text: for each thread, whether its
 * anchored text still exists (or is orphaned), the clause it is in now, and the clause labels
 * computed from the current structure. Built from the live Y.Doc, synchronously, inside a read.
 * An anchor that no longer resolves although its text is still there (content recreated by a
 * section move) is re-anchored: `reanchored` holds the fresh anchors, to be stored with the thread.
 */
import type * as Y from 'yjs';
import type { CommentThread } from '@shared/domain/comments.js';
import { clauseIdAt, documentAnchors, isAnchorPending, quoteOf, resolveAnchor } from '@shared/comments/anchors.js';
import type { AnchorContext, AnchorRange } from '@shared/comments/anchors.js';
import { reanchor } from '@shared/comments/relocate.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { editorSchema } from '@shared/editor/schema.js';
import { computeNumbering } from '@shared/editor/structure/numbering.js';

export interface AnchorState {
  orphaned: boolean;
  /** The clause the anchored text is in now; the thread's recorded clause when orphaned. */
  clauseId: string | null;
  /** The anchored text as it reads now, shortened like a quote (null when orphaned). */
  currentText: string | null;
}

export interface FreshAnchor {
  anchorStart: string;
  anchorEnd: string;
}

export interface DocumentIndex {
  states: Map<string, AnchorState>;
  /** Threads whose text was found again after their anchor stopped resolving, with their new anchors. */
  reanchored: Map<string, FreshAnchor>;
  /** The label of a numbered node of the current text, null if the id no longer exists. */
  labelOf(id: string | null): string | null;
}

export function indexDocument(ydoc: Y.Doc, threads: CommentThread[]): DocumentIndex {
  const context = documentAnchors(ydoc, CONTENT_FIELD, editorSchema());
  const states = new Map<string, AnchorState>();
  const reanchored = new Map<string, FreshAnchor>();
  for (const thread of threads) {
    let range = resolveAnchor(context, thread.anchorStart, thread.anchorEnd);
    if (!range) {
      const fresh = relocated(context, thread);
      if (fresh) {
        reanchored.set(thread.id, fresh.anchor);
        range = fresh.range;
      }
    }
    if (!range) {
      // (An anchor on text the server has not received yet counts as orphaned until it arrives.)
      states.set(thread.id, { orphaned: true, clauseId: thread.clauseId, currentText: null });
      continue;
    }
    states.set(thread.id, {
      orphaned: false,
      clauseId: clauseIdAt(context.doc.resolve(range.from)) ?? thread.clauseId,
      currentText: quoteOf(context.doc, range.from, range.to),
    });
  }
  const numbering = computeNumbering(context.doc.toJSON() as ProseMirrorJSON);
  return {
    states,
    reanchored,
    labelOf: (id) => (id === null ? null : (numbering.byId[id]?.label ?? null)),
  };
}

/** New anchors for a thread whose text is still in the document (not for text still on its way to the server). */
function relocated(context: AnchorContext, thread: CommentThread): { anchor: FreshAnchor; range: AnchorRange } | null {
  if (isAnchorPending(context.ydoc, thread.anchorStart, thread.anchorEnd)) return null;
  const anchor = reanchor(context, thread.quote, thread.clauseId);
  const range = anchor ? resolveAnchor(context, anchor.anchorStart, anchor.anchorEnd) : null;
  return anchor && range ? { anchor, range } : null;
}
