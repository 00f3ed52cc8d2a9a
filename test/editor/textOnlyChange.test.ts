/**
 * Which changes may keep the numbering: text typed in a body paragraph does; a title edit, a new
 * block or an added cross-reference does not. The numbering kept is the one recomputed.
 */
import { describe, expect, it } from 'vitest';
import { EditorState } from '@tiptap/pm/state';
import { doc as docNode } from '@shared/editor/builders/index.js';
import { editorSchema } from '@shared/editor/schema.js';
import { textOnlyChange } from '@shared/editor/structure/textOnlyChange.js';
import {
  computeNumberingOfNode,
  getNumbering,
  structureNumberingPlugin,
} from '@shared/editor/structure/structureNumbering.js';
import { chapter, clause, p, ref } from './fixtures.js';

const schema = editorSchema();

function state(): EditorState {
  const json = docNode(
    chapter(
      'c5',
      'technical-requirements',
      '技术要求',
      clause('s1', '外观', p('表面应光洁。')),
      clause('s2', '容量', p('见 ', ref('s1'), '。')),
    ),
  );
  return EditorState.create({ doc: schema.nodeFromJSON(json), plugins: [structureNumberingPlugin()] });
}

/** Position inside the text of the first textblock of `type` whose text includes `text`. */
function posIn(s: EditorState, type: string, text: string): number {
  let found = -1;
  s.doc.descendants((node, pos) => {
    if (found < 0 && node.type.name === type && node.textContent.includes(text))
      found = pos + 1 + node.textContent.indexOf(text);
    return found < 0;
  });
  if (found < 0) throw new Error(`no ${type} with ${text}`);
  return found;
}

describe('textOnlyChange', () => {
  it('keeps the numbering when typing in a body paragraph, and it equals a recomputed one', () => {
    const before = state();
    const after = before.apply(before.tr.insertText('不锈钢', posIn(before, 'paragraph', '光洁')));
    expect(textOnlyChange(before.doc, after.doc)).not.toBeNull();
    expect(getNumbering(after)).toBe(getNumbering(before));
    expect(getNumbering(after)).toEqual(computeNumberingOfNode(after.doc));
  });

  it('recomputes for a title edit, a new block and a removed cross-reference', () => {
    const before = state();
    const titled = before.apply(before.tr.insertText('和', posIn(before, 'sectionTitle', '外观')));
    expect(textOnlyChange(before.doc, titled.doc)).toBeNull();
    expect(getNumbering(titled).byId.s1?.title).toBe('和外观');

    const split = before.apply(before.tr.split(posIn(before, 'paragraph', '光洁')));
    expect(textOnlyChange(before.doc, split.doc)).toBeNull();

    const at = posIn(before, 'paragraph', '见 ') + 2;
    const unreferenced = before.apply(before.tr.delete(at, at + 1));
    expect(textOnlyChange(before.doc, unreferenced.doc)).toBeNull();
    expect(getNumbering(unreferenced)).not.toBe(getNumbering(before));
  });
});
