/**
 * A co-author's change, which the Yjs binding delivers as a whole-document replacement with every
 * node rebuilt, is dispatched as a replacement of only the range that differs: the document is the
 * same, unchanged subtrees stay the same objects, and positions outside the change map to themselves.
 */
import { describe, expect, it } from 'vitest';
import { EditorState } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { editorSchema } from '@shared/editor/schema.js';
import { narrowRemoteChange } from '@shared/editor/remoteChangeNarrowing.js';
import { shareUnchanged } from '@shared/editor/shareUnchanged.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { smallStandard } from './fixtures.js';

const schema = editorSchema();

/** The binding's transaction: the whole document replaced by nodes rebuilt from JSON. */
function remoteReplacement(state: EditorState, json: ProseMirrorJSON) {
  const rebuilt = schema.nodeFromJSON(json);
  const tr = state.tr.replaceWith(0, state.doc.content.size, rebuilt.content);
  tr.setMeta(ySyncPluginKey, { isChangeOrigin: true, isUndoRedoOperation: false });
  tr.setMeta('addToHistory', false);
  return tr;
}

/** The JSON of `doc` with `edit` applied to the first text node containing `text`. */
function editText(doc: PMNode, text: string, edit: (value: string) => string): ProseMirrorJSON {
  const json: ProseMirrorJSON = doc.toJSON();
  const visit = (node: ProseMirrorJSON): boolean => {
    if (typeof node.text === 'string' && node.text.includes(text)) {
      node.text = edit(node.text);
      return true;
    }
    return (node.content ?? []).some(visit);
  };
  if (!visit(json)) throw new Error(`no text ${text}`);
  return json;
}

function sameChildren(a: PMNode, b: PMNode): number {
  let same = 0;
  for (let i = 0; i < Math.min(a.childCount, b.childCount); i++) if (a.child(i) === b.child(i)) same++;
  return same;
}

describe('remote change narrowing', () => {
  const state = EditorState.create({ doc: schema.nodeFromJSON(smallStandard()) });

  it('replaces only the changed text and keeps every other subtree', () => {
    const tr = remoteReplacement(
      state,
      editText(state.doc, '本文件规定了', (t) => `${t}新增`),
    );
    expect(sameChildren(tr.doc, state.doc)).toBe(0);
    const narrow = narrowRemoteChange(state, tr);
    expect(narrow).not.toBeNull();
    if (!narrow) return;
    expect(narrow.doc.eq(tr.doc)).toBe(true);
    expect(sameChildren(narrow.doc, state.doc)).toBe(state.doc.childCount - 1);
    const [step] = narrow.steps;
    expect(narrow.steps).toHaveLength(1);
    expect(step).toBeInstanceOf(ReplaceStep);
    if (!(step instanceof ReplaceStep)) return;
    expect(step.to - step.from).toBeLessThanOrEqual(2);
    expect(narrow.getMeta(ySyncPluginKey)).toEqual({ isChangeOrigin: true, isUndoRedoOperation: false });
    expect(narrow.getMeta('addToHistory')).toBe(false);
    // A position after the change moves by the inserted text, one before it stays.
    expect(narrow.mapping.map(state.doc.content.size)).toBe(state.doc.content.size + 2);
    expect(narrow.mapping.map(1)).toBe(1);
  });

  it('handles a structural change (a clause removed) the same way', () => {
    const json: ProseMirrorJSON = state.doc.toJSON();
    const chapters = (json.content ?? []).filter((n) => n.type === 'chapter');
    const withClauses = chapters.find((c) => (c.content ?? []).filter((n) => n.type === 'clause').length > 1);
    if (!withClauses?.content) throw new Error('no chapter with clauses');
    const index = withClauses.content.findIndex((n) => n.type === 'clause');
    withClauses.content.splice(index, 1);
    const tr = remoteReplacement(state, json);
    const narrow = narrowRemoteChange(state, tr);
    expect(narrow?.doc.eq(tr.doc)).toBe(true);
    expect(narrow && sameChildren(narrow.doc, state.doc)).toBe(state.doc.childCount - 1);
  });

  it('leaves local changes and unchanged documents alone', () => {
    const local = state.tr.insertText('x', 1);
    expect(narrowRemoteChange(state, local)).toBeNull();
    const same = remoteReplacement(state, state.doc.toJSON());
    const narrow = narrowRemoteChange(state, same);
    expect(narrow?.steps).toHaveLength(0);
    expect(narrow?.doc).toBe(state.doc);
  });

  it('shares equal subtrees and reports the nodes it replaced', () => {
    const rebuilt = schema.nodeFromJSON(state.doc.toJSON());
    const shared = shareUnchanged(state.doc, rebuilt);
    expect(shared.doc).toBe(state.doc);
    expect(shared.replaced.get(rebuilt)).toBe(state.doc);
    expect(shared.replaced.get(rebuilt.child(3))).toBe(state.doc.child(3));
  });
});
