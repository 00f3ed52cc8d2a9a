/**
 * Where the comment anchors of a document are in its current text: for each thread, whether its
 * anchored text still exists (or is orphaned), the clause it is in now, and the clause labels
 * computed from the current structure. Built from the live Y.Doc, synchronously, inside a read.
 */
import type * as Y from 'yjs';
import type { CommentThread } from '../../shared/domain/comments.js';
import { clauseIdAt, documentAnchors, quoteOf, resolveAnchor } from '../../shared/comments/anchors.js';
import { CONTENT_FIELD } from '../../shared/editor/extensions.js';
import type { ProseMirrorJSON } from '../../shared/editor/json.js';
import { editorSchema } from '../../shared/editor/schema.js';
import { computeNumbering } from '../../shared/editor/structure/numbering.js';

export interface AnchorState {
  orphaned: boolean;
  /** The clause the anchored text is in now; the thread's recorded clause when orphaned. */
  clauseId: string | null;
  /** The anchored text as it reads now, shortened like a quote (null when orphaned). */
  currentText: string | null;
}

export interface DocumentIndex {
  states: Map<string, AnchorState>;
  /** The label of a numbered node of the current text, null if the id no longer exists. */
  labelOf(id: string | null): string | null;
}

export function indexDocument(ydoc: Y.Doc, threads: CommentThread[]): DocumentIndex {
  const context = documentAnchors(ydoc, CONTENT_FIELD, editorSchema());
  const states = new Map<string, AnchorState>();
  for (const thread of threads) {
    const range = resolveAnchor(context, thread.anchorStart, thread.anchorEnd);
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
    labelOf: (id) => (id === null ? null : (numbering.byId[id]?.label ?? null)),
  };
}
