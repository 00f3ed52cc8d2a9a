/** A headless TipTap editor with the shared extension list and its ProseMirror plugins active. */
import { afterEach } from 'vitest';
import { Editor } from '@tiptap/core';
import type { AnyExtension } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { documentExtensions } from '@shared/editor/extensions.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';

/**
 * TipTap 3 adds plugins only when an editor is mounted into a DOM; here we install them on the
 * headless editor's state so that ids and numbering behave as in the browser. Building the keymaps
 * reads `navigator` (a global only from Node 21 on): give older Node a neutral one. `extra`: browser
 * extensions added after the shared list (as collaborativeExtensions() does).
 */
export function createEditor(content: ProseMirrorJSON, extra: AnyExtension[] = []): Editor {
  if (typeof globalThis.navigator === 'undefined') {
    Object.defineProperty(globalThis, 'navigator', {
      value: { platform: 'node', userAgent: 'node' },
      configurable: true,
    });
  }
  const editor = new Editor({ extensions: [...documentExtensions(), ...extra], content });
  editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }));
  return editor;
}

/** `open(content)` for the tests of a file: a fresh editor, destroyed after the test that opened it. */
export function editorPerTest(): (content: ProseMirrorJSON) => Editor {
  let editor: Editor | null = null;
  afterEach(() => {
    editor?.destroy();
    editor = null;
  });
  return (content) => {
    editor = createEditor(content);
    return editor;
  };
}

/** Position of the start of the text content of the first node matching `predicate`. */
export function posInside(doc: PMNode, predicate: (node: PMNode) => boolean): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (predicate(node)) {
      found = pos;
      return false;
    }
    return true;
  });
  if (found < 0) throw new Error('node not found');
  return found;
}

/** Puts the cursor at the start of the title of the section with `id`. */
export function cursorInTitleOf(editor: Editor, id: string): void {
  const pos = posInside(editor.state.doc, (node) => node.attrs.id === id);
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos + 2)));
}

/** Puts the cursor at the start of the first textblock whose text is `text`. */
export function cursorInText(editor: Editor, text: string): void {
  const pos = posInside(editor.state.doc, (node) => node.isTextblock && node.textContent === text);
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos + 1)));
}

/** Ids of all nodes carrying an `id` attribute, in document order. */
export function allIds(doc: PMNode): string[] {
  const ids: string[] = [];
  doc.descendants((node) => {
    if (typeof node.attrs.id === 'string') ids.push(node.attrs.id);
    return true;
  });
  return ids;
}
