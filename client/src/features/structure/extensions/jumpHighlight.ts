/**
 * A client-only decoration that briefly marks the node a reader jumped to (from the outline, the
 * contents or a checker finding), so the eye finds it after the scroll.
 */
import { Extension } from '@tiptap/core';
import type { Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

const FLASH_MS = 1600;

export const jumpHighlightKey = new PluginKey<DecorationSet>('jumpHighlight');

interface FlashMeta {
  /** Position before the node to mark, or null to clear. */
  pos: number | null;
}

export const JumpHighlight = Extension.create({
  name: 'jumpHighlight',

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: jumpHighlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const meta = tr.getMeta(jumpHighlightKey) as FlashMeta | undefined;
            if (meta) {
              if (meta.pos === null) return DecorationSet.empty;
              const node = tr.doc.nodeAt(meta.pos);
              if (!node) return DecorationSet.empty;
              const cls = node.isInline ? 'gb-flash gb-flash--inline' : 'gb-flash';
              return DecorationSet.create(tr.doc, [
                Decoration.node(meta.pos, meta.pos + node.nodeSize, { class: cls }),
              ]);
            }
            return set.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations: (state) => jumpHighlightKey.getState(state) ?? null,
        },
      }),
    ];
  },
});

const timers = new WeakMap<Editor, ReturnType<typeof setTimeout>>();

/** Marks the node at `pos` for a moment. */
export function flashNode(editor: Editor, pos: number): void {
  if (editor.isDestroyed) return;
  const previous = timers.get(editor);
  if (previous) clearTimeout(previous);
  editor.view.dispatch(
    editor.state.tr.setMeta(jumpHighlightKey, { pos } satisfies FlashMeta).setMeta('addToHistory', false),
  );
  timers.set(
    editor,
    setTimeout(() => {
      timers.delete(editor);
      if (!editor.isDestroyed)
        editor.view.dispatch(editor.state.tr.setMeta(jumpHighlightKey, { pos: null } satisfies FlashMeta));
    }, FLASH_MS),
  );
}
