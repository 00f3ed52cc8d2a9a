/** Reading a Y.Doc as ProseMirror JSON (`yDocToJSON`): a pure read that always yields content of the schema. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { writeJSONToYDoc, yDocToJSON } from '@shared/editor/yjsContent.js';
import { editorSchema } from '@shared/editor/schema.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { smallStandard } from './fixtures.js';

function texts(
  node: ProseMirrorJSON,
  out: { text: string; marks: string[] }[] = [],
): { text: string; marks: string[] }[] {
  if (node.text !== undefined) out.push({ text: node.text, marks: (node.marks ?? []).map((m) => m.type) });
  for (const c of node.content ?? []) texts(c, out);
  return out;
}

function types(node: ProseMirrorJSON, out = new Set<string>()): Set<string> {
  out.add(node.type);
  for (const c of node.content ?? []) types(c, out);
  return out;
}

/** A standard text plus, written straight into Yjs, content the schema does not allow. */
function docWithMisfits(): Y.Doc {
  const ydoc = new Y.Doc();
  writeJSONToYDoc(ydoc, smallStandard());
  ydoc.transact(() => {
    const fragment = ydoc.getXmlFragment(CONTENT_FIELD);
    const unknown = new Y.XmlElement('bogusNode');
    unknown.insert(0, [new Y.XmlText('未知节点')]);
    const marked = new Y.XmlText();
    marked.insert(0, '未知标记', { bogusMark: {}, bold: {} });
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [marked]);
    const untitled = new Y.XmlElement('chapter');
    untitled.insert(0, [paragraph]);
    const misplaced = new Y.XmlElement('termName');
    misplaced.insert(0, [new Y.XmlText('放错位置的术语')]);
    fragment.insert(fragment.length, [unknown, untitled, misplaced, new Y.XmlText('裸文字')]);
  });
  return ydoc;
}

describe('yDocToJSON', () => {
  it('never changes the Y.Doc, whatever it holds', () => {
    const ydoc = docWithMisfits();
    const before = Y.encodeStateAsUpdate(ydoc);
    const changes: Uint8Array[] = [];
    ydoc.on('update', (update: Uint8Array) => changes.push(update));
    yDocToJSON(ydoc);
    yDocToJSON(ydoc);
    expect(changes).toEqual([]);
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);
    expect(ydoc.getXmlFragment(CONTENT_FIELD).toString()).toContain('未知节点');
  });

  it('leaves out or repairs what does not fit the schema, so that the result is valid', () => {
    const json = yDocToJSON(docWithMisfits());
    expect(() => editorSchema().nodeFromJSON(json).check()).not.toThrow();
    expect(types(json).has('bogusNode')).toBe(false);
    const all = texts(json);
    // Unknown mark removed, the text and its known mark kept.
    expect(all).toContainEqual({ text: '未知标记', marks: ['bold'] });
    // The chapter got the title it must start with.
    const last = (json.content ?? []).find(
      (n) => n.type === 'chapter' && n.content?.some((c) => c.type === 'paragraph' && texts(c)[0]?.text === '未知标记'),
    );
    expect(last?.content?.[0]?.type).toBe('sectionTitle');
    expect(all.map((t) => t.text)).not.toContain('放错位置的术语');
    expect(all.map((t) => t.text)).not.toContain('裸文字');
  });

  it('reads content that fits the schema exactly as the y-tiptap binding does', () => {
    const ydoc = new Y.Doc();
    writeJSONToYDoc(ydoc, smallStandard());
    const bindingView = yXmlFragmentToProseMirrorRootNode(
      ydoc.getXmlFragment(CONTENT_FIELD),
      editorSchema(),
    ).toJSON() as ProseMirrorJSON;
    expect(yDocToJSON(ydoc)).toEqual(bindingView);
  });
});
