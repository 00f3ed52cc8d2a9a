/**
 * A URL typed in this editor becomes a link (autolink); the same text arriving from a co-author
 * (a remote change of the Yjs binding, narrowed to the range that differs) is taken as it is: the
 * other editor autolinked it, and this one makes no edit of its own out of someone else's text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { collaborativeExtensions } from '@shared/editor/extensions.js';
import { RemoteChangeNarrowing } from '@shared/editor/remoteChangeNarrowing.js';
import { RemoteChangeNotAutolinked } from '@shared/editor/remoteChangeNotAutolinked.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { smallStandard } from './fixtures.js';
import { createEditor, posInside } from './editorHarness.js';

const URL_TEXT = '见 https://www.example.com/standard ';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

/** The headless editor with the two remote-change extensions, in the order of collaborativeExtensions(). */
function open(): Editor {
  editor = createEditor(smallStandard(), [RemoteChangeNotAutolinked, RemoteChangeNarrowing]);
  return editor;
}

/** Dispatches through the extensions' dispatch hooks, as a mounted editor's view does. */
function dispatch(ed: Editor, tr: Transaction): void {
  ed.extensionManager.dispatchTransaction((next) => ed.view.dispatch(next))(tr);
}

function linkedText(doc: PMNode): string[] {
  const linked: string[] = [];
  doc.descendants((node) => {
    if (node.isText && node.marks.some((mark) => mark.type.name === 'link')) linked.push(node.text ?? '');
    return true;
  });
  return linked;
}

/** The JSON of `doc` with `added` appended to the first text node containing `text`. */
function withTextAppended(doc: PMNode, text: string, added: string): ProseMirrorJSON {
  const json: ProseMirrorJSON = doc.toJSON();
  const visit = (node: ProseMirrorJSON): boolean => {
    if (typeof node.text === 'string' && node.text.includes(text)) {
      node.text += added;
      return true;
    }
    return (node.content ?? []).some(visit);
  };
  if (!visit(json)) throw new Error(`no text ${text}`);
  return json;
}

describe('autolink and remote changes', () => {
  it('links a URL typed here', () => {
    const ed = open();
    const pos = posInside(ed.state.doc, (node) => node.isTextblock && node.textContent.includes('本文件规定了'));
    const end = pos + 1 + (ed.state.doc.nodeAt(pos)?.content.size ?? 0);
    dispatch(ed, ed.state.tr.insertText(URL_TEXT, end));
    expect(linkedText(ed.state.doc)).toEqual(['https://www.example.com/standard']);
  });

  it('takes the same text from a co-author as it is', () => {
    const ed = open();
    const json = withTextAppended(ed.state.doc, '本文件规定了', URL_TEXT);
    const rebuilt = ed.schema.nodeFromJSON(json);
    const tr = ed.state.tr.replaceWith(0, ed.state.doc.content.size, rebuilt.content);
    tr.setMeta(ySyncPluginKey, { isChangeOrigin: true, isUndoRedoOperation: false });
    tr.setMeta('addToHistory', false);
    const before = ed.state.doc;
    dispatch(ed, tr);
    expect(ed.state.doc.textContent).toContain(URL_TEXT.trim());
    // Narrowed: the chapters before the change are the same nodes.
    expect(ed.state.doc.child(1)).toBe(before.child(1));
    expect(linkedText(ed.state.doc)).toEqual([]);
  });

  it('is listed in the browser editor before the narrowing, whose dispatch hook runs first', () => {
    const document = new Y.Doc();
    const names = collaborativeExtensions({
      document,
      provider: { awareness: new Awareness(document) },
      user: { id: 'u', name: 'U', organization: '', color: '#000' },
    }).map((extension) => extension.name);
    expect(names.indexOf(RemoteChangeNotAutolinked.name)).toBeLessThan(names.indexOf(RemoteChangeNarrowing.name));
    expect(names.indexOf(RemoteChangeNotAutolinked.name)).toBeGreaterThan(-1);
  });
});
