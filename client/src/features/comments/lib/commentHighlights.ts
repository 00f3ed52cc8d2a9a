/**
 * Highlights of commented text (client only: registered in the browser editor, never in the
 * shared document extension list). The plugin resolves every thread's anchor against the current
 * text and shows open threads as inline decorations (`comment-highlight`, `data-thread-id`).
 *
 * - Threads or the active thread changed (meta): resolve again.
 * - A remote change (the collaboration binding replaced the content): resolve again, the Y↔PM
 *   mapping is current at that point.
 * - A local change: map the ranges through the step maps at once (no flicker), then resolve again
 *   right after the binding has written the change to Yjs.
 * Clicking a highlight reports its thread to the panel.
 */
import { Extension } from '@tiptap/core';
import type { Editor as CoreEditor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { isAnchorPending } from '@shared/comments/anchors';
import type { AnchorRange } from '@shared/comments/anchors';
import type { ThreadStatus } from '@shared/domain/comments';
import { anchorContext, resolveThreadAnchor } from './editorAnchors';

export interface AnchoredThread {
  id: string;
  anchorStart: string;
  anchorEnd: string;
  status: ThreadStatus;
}

export interface CommentHighlightState {
  threads: AnchoredThread[];
  activeId: string | null;
  /** Where each thread's text is now; null = orphaned; absent = not known here yet (the panel then uses the server's view). */
  ranges: Map<string, AnchorRange | null>;
  /** False until the anchors were resolved against the synchronized text at least once. */
  resolved: boolean;
  decorations: DecorationSet;
}

type Meta = { threads: AnchoredThread[] } | { activeId: string | null } | { recompute: true };

export const commentHighlightsKey = new PluginKey<CommentHighlightState>('commentHighlights');

export const HIGHLIGHT_CLASS = 'comment-highlight';

function decorate(
  state: Pick<CommentHighlightState, 'threads' | 'activeId' | 'ranges'>,
  doc: EditorState['doc'],
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const thread of state.threads) {
    const range = state.ranges.get(thread.id);
    const active = thread.id === state.activeId;
    if (!range || (thread.status !== 'open' && !active)) continue;
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: active ? `${HIGHLIGHT_CLASS} ${HIGHLIGHT_CLASS}--active` : HIGHLIGHT_CLASS,
          'data-thread-id': thread.id,
        },
        { threadId: thread.id },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

function resolveAll(
  threads: AnchoredThread[],
  state: EditorState,
): { ranges: Map<string, AnchorRange | null>; resolved: boolean } {
  const context = anchorContext(state);
  const ranges = new Map<string, AnchorRange | null>();
  if (!context) return { ranges, resolved: false };
  for (const thread of threads) {
    // Text not received yet (before the first sync): left out, neither placed nor orphaned.
    if (isAnchorPending(context.ydoc, thread.anchorStart, thread.anchorEnd)) continue;
    ranges.set(thread.id, resolveThreadAnchor(context, thread.anchorStart, thread.anchorEnd));
  }
  return { ranges, resolved: true };
}

function isRemoteChange(tr: Transaction): boolean {
  const meta: unknown = tr.getMeta(ySyncPluginKey);
  return typeof meta === 'object' && meta !== null && 'isChangeOrigin' in meta && meta.isChangeOrigin === true;
}

export interface CommentHighlightsOptions {
  /** A highlight was clicked. */
  onActivate: (threadId: string) => void;
}

export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',

  addOptions() {
    return { onActivate: () => undefined };
  },

  addProseMirrorPlugins() {
    const { onActivate } = this.options;
    let scheduled: ReturnType<typeof setTimeout> | null = null;
    return [
      new Plugin<CommentHighlightState>({
        key: commentHighlightsKey,
        state: {
          init: (_, state) => ({
            threads: [],
            activeId: null,
            ranges: new Map(),
            resolved: false,
            decorations: DecorationSet.create(state.doc, []),
          }),
          apply: (tr, value, _old, next): CommentHighlightState => {
            const meta = tr.getMeta(commentHighlightsKey) as Meta | undefined;
            let { threads, activeId } = value;
            if (meta && 'threads' in meta) threads = meta.threads;
            if (meta && 'activeId' in meta) activeId = meta.activeId;
            if (meta || isRemoteChange(tr) || (!value.resolved && tr.docChanged)) {
              const { ranges, resolved } = resolveAll(threads, next);
              return {
                threads,
                activeId,
                ranges,
                resolved,
                decorations: decorate({ threads, activeId, ranges }, next.doc),
              };
            }
            if (!tr.docChanged) return value;
            const ranges = new Map<string, AnchorRange | null>();
            for (const [id, range] of value.ranges) {
              if (!range) {
                ranges.set(id, null);
                continue;
              }
              const from = tr.mapping.map(range.from, 1);
              const to = tr.mapping.map(range.to, -1);
              ranges.set(id, from < to ? { from, to } : null);
            }
            return { ...value, ranges, decorations: decorate({ threads, activeId, ranges }, next.doc) };
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations ?? DecorationSet.empty,
          handleClick: (_view, _pos, event) => {
            const target =
              event.target instanceof Element ? event.target.closest(`.${HIGHLIGHT_CLASS}[data-thread-id]`) : null;
            const threadId = target?.getAttribute('data-thread-id');
            if (threadId) onActivate(threadId);
            // Let the click place the caret as usual.
            return false;
          },
        },
        view: () => ({
          update: (view, previous) => {
            if (view.state.doc === previous.doc || scheduled !== null) return;
            // After a local edit, resolve again once the binding has written it to Yjs.
            scheduled = setTimeout(() => {
              scheduled = null;
              if (!view.isDestroyed)
                view.dispatch(
                  view.state.tr
                    .setMeta(commentHighlightsKey, { recompute: true } satisfies Meta)
                    .setMeta('addToHistory', false),
                );
            }, 60);
          },
          destroy: () => {
            if (scheduled !== null) clearTimeout(scheduled);
            scheduled = null;
          },
        }),
      }),
    ];
  },
});

/** Hands the panel's threads to the plugin (their anchors are resolved at once). */
export function setHighlightThreads(editor: CoreEditor, threads: AnchoredThread[]): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(
    editor.state.tr.setMeta(commentHighlightsKey, { threads } satisfies Meta).setMeta('addToHistory', false),
  );
}

/** Marks the thread that is focused in the panel (highlighted even when resolved). */
export function setHighlightActive(editor: CoreEditor, activeId: string | null): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(
    editor.state.tr.setMeta(commentHighlightsKey, { activeId } satisfies Meta).setMeta('addToHistory', false),
  );
}
