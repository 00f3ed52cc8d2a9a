import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EditorState } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { writeJSONToYDoc, yDocToJSON } from '@shared/editor/yjsContent.js';
import { editorSchema } from '@shared/editor/schema.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import {
  ID_PATTERN,
  computeNumbering,
  ensureStructureIds,
  structureIdsPlugin,
} from '@shared/editor/structure/index.js';
import { allIds, createEditor, cursorInText } from './editorHarness.js';
import { chapter, clause, doc, p, smallStandard } from './fixtures.js';
import { PlainState, YPeer, sync } from './yPeer.js';
import type { StateHolder } from './yPeer.js';

/** Every node type and mark of the schema, in canonical form (all attributes explicit). */
function everything(): ProseMirrorJSON {
  const standard = smallStandard();
  const extra = chapter(
    'chExtra001',
    'other',
    '其他',
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '旧标题' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '粗', marks: [{ type: 'bold' }] },
        { type: 'text', text: '斜', marks: [{ type: 'italic' }] },
        { type: 'text', text: '下', marks: [{ type: 'underline' }] },
        { type: 'text', text: '删', marks: [{ type: 'strike' }] },
        { type: 'text', text: 'code', marks: [{ type: 'code' }] },
        { type: 'hardBreak' },
        { type: 'text', text: '链接', marks: [{ type: 'link', attrs: { href: 'https://zjamp.gov.cn' } }] },
        { type: 'indicatorRef', attrs: { targetId: 'cellValue01' } },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [p('——项')] }] },
    {
      type: 'orderedList',
      attrs: { listStyle: 'letter' },
      content: [
        {
          type: 'listItem',
          content: [
            p('甲'),
            {
              type: 'orderedList',
              attrs: { listStyle: 'number' },
              content: [{ type: 'listItem', content: [p('一')] }],
            },
          ],
        },
      ],
    },
    { type: 'blockquote', content: [p('引文')] },
    { type: 'codeBlock', content: [{ type: 'text', text: 'x = 1' }] },
    { type: 'horizontalRule' },
    {
      type: 'figureBlock',
      attrs: { id: 'fgData0001', src: 'data:image/png;base64,iVBORw0KGgo=' },
      content: [{ type: 'caption', content: [{ type: 'text', text: '照片' }] }],
    },
  );
  const content = [...(standard.content ?? [])];
  content.splice(content.length - 3, 0, extra);
  // Every node that carries an id has one (structural nodes and table cells), as in a stored document.
  return ensureStructureIds(editorSchema().nodeFromJSON({ type: 'doc', content }).toJSON() as ProseMirrorJSON);
}

describe('Yjs round trip', () => {
  it('JSON → writeJSONToYDoc → yDocToJSON returns the same document for every node type', () => {
    const input = everything();
    const used = new Set<string>();
    const collect = (node: ProseMirrorJSON): void => {
      used.add(node.type);
      for (const m of node.marks ?? []) used.add(m.type);
      node.content?.forEach(collect);
    };
    collect(input);
    const schema = editorSchema();
    const missing = [...Object.keys(schema.nodes), ...Object.keys(schema.marks)].filter((name) => !used.has(name));
    expect(missing).toEqual([]);

    const ydoc = new Y.Doc();
    writeJSONToYDoc(ydoc, input);
    expect(yDocToJSON(ydoc)).toEqual(input);
    // And through an encoded update, as the server stores it.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
    expect(yDocToJSON(copy)).toEqual(input);
  });

  it('writeJSONToYDoc gives ids to structural nodes that have none', () => {
    const ydoc = new Y.Doc();
    writeJSONToYDoc(
      ydoc,
      doc(
        { type: 'chapter', content: [{ type: 'sectionTitle' }] },
        { type: 'chapter', attrs: { id: 'sameid01' }, content: [{ type: 'sectionTitle' }] },
        { type: 'chapter', attrs: { id: 'sameid01' }, content: [{ type: 'sectionTitle' }] },
      ),
    );
    const ids = (yDocToJSON(ydoc).content ?? []).map((c) => c.attrs?.id);
    expect(ids[1]).toBe('sameid01');
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => typeof id === 'string' && ID_PATTERN.test(id))).toBe(true);
  });

  it('rejects content that violates the schema', () => {
    expect(() =>
      writeJSONToYDoc(
        new Y.Doc(),
        doc({ type: 'clause', attrs: { id: 'clause01' }, content: [{ type: 'sectionTitle' }] }),
      ),
    ).toThrow();
  });
});

function editorHolder(editor: Editor): StateHolder {
  return {
    get state() {
      return editor.state;
    },
    dispatch: (tr) => editor.view.dispatch(tr),
  };
}

function peerFrom(source: Y.Doc): { peer: YPeer; editor: Editor } {
  const editor = createEditor(doc(p()));
  const peer = new YPeer(editorHolder(editor), editor.schema);
  Y.applyUpdate(peer.ydoc, Y.encodeStateAsUpdate(source), 'remote');
  peer.pull();
  return { peer, editor };
}

function expectUniqueIds(state: EditorState): void {
  const ids = allIds(state.doc);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.every((id) => ID_PATTERN.test(id))).toBe(true);
}

describe('concurrent editing through Yjs', () => {
  it('two peers inserting a clause at the same time converge on one numbering with unique ids', () => {
    const server = new Y.Doc();
    writeJSONToYDoc(
      server,
      doc(
        chapter(
          'chapter5',
          'technical-requirements',
          '技术要求',
          clause('clause51', '外观', p('外观文本')),
          clause('clause52', '尺寸', p('尺寸文本')),
        ),
      ),
    );
    const a = peerFrom(server);
    const b = peerFrom(server);

    cursorInText(a.editor, '外观文本');
    expect(a.editor.commands.insertClauseAfter()).toBe(true);
    a.editor.view.dispatch(a.editor.state.tr.insertText('甲方新条'));
    a.peer.push();
    cursorInText(b.editor, '外观文本');
    expect(b.editor.commands.insertClauseAfter()).toBe(true);
    b.editor.view.dispatch(b.editor.state.tr.insertText('乙方新条'));
    b.peer.push();

    sync(a.peer, b.peer);

    expect(yDocToJSON(a.peer.ydoc)).toEqual(yDocToJSON(b.peer.ydoc));
    expect(a.editor.getJSON()).toEqual(b.editor.getJSON());
    const numberingA = computeNumbering(a.editor.getJSON() as ProseMirrorJSON);
    const numberingB = computeNumbering(b.editor.getJSON() as ProseMirrorJSON);
    expect(numberingA).toEqual(numberingB);
    expect(numberingA.outline).toHaveLength(5);
    expect(numberingA.outline.map((i) => i.label)).toEqual(['1', '1.1', '1.2', '1.3', '1.4']);
    expect(numberingA.outline.map((i) => i.title).sort()).toEqual(
      ['外观', '尺寸', '技术要求', '甲方新条', '乙方新条'].sort(),
    );
    expect(numberingA.byId.clause52?.label).toBe('1.4');
    expectUniqueIds(a.editor.state);
    a.editor.destroy();
    b.editor.destroy();
  });

  it('concurrent moves of the same clause duplicate it in Yjs; both peers re-issue the same id and converge', () => {
    const server = new Y.Doc();
    writeJSONToYDoc(
      server,
      doc(
        chapter(
          'chapter5',
          'other',
          '要求',
          clause('clause51', '甲', p('甲文')),
          clause('clause52', '乙', p('乙文')),
          clause('clause53', '丙', p('丙文')),
        ),
      ),
    );
    const a = peerFrom(server);
    const b = peerFrom(server);
    cursorInText(a.editor, '甲文');
    expect(a.editor.commands.moveSectionDown()).toBe(true);
    a.peer.push();
    cursorInText(b.editor, '甲文');
    expect(b.editor.commands.moveSectionDown()).toBe(true);
    expect(b.editor.commands.moveSectionDown()).toBe(true);
    b.peer.push();

    // Yjs merges the two moves into two copies of clause 5.1.
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(a.peer.ydoc));
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(b.peer.ydoc));
    const mergedIds = (yDocToJSON(merged).content?.[0]?.content ?? []).map((c) => c.attrs?.id).filter(Boolean);
    expect(mergedIds.filter((id) => id === 'clause51')).toHaveLength(2);

    sync(a.peer, b.peer);
    // Each peer repaired the remote state on its own, identically.
    expect(a.editor.getJSON()).toEqual(b.editor.getJSON());
    expectUniqueIds(a.editor.state);
    // Writing the repairs back produces the same values: the Yjs documents converge, and another
    // round changes nothing (no ping-pong).
    a.peer.push();
    b.peer.push();
    sync(a.peer, b.peer);
    expect(yDocToJSON(a.peer.ydoc)).toEqual(yDocToJSON(b.peer.ydoc));
    expect(yDocToJSON(a.peer.ydoc)).toEqual(a.editor.getJSON());
    const sent = a.peer.sentUpdates + b.peer.sentUpdates;
    a.peer.push();
    b.peer.push();
    expect(a.peer.sentUpdates + b.peer.sentUpdates).toBe(sent);
    expect(computeNumbering(yDocToJSON(a.peer.ydoc)).outline.filter((i) => i.kind === 'clause')).toHaveLength(4);
    a.editor.destroy();
    b.editor.destroy();
  });
});

describe('StructureIds on plain ProseMirror states', () => {
  function legacyDoc(): Y.Doc {
    // Content written without ids (e.g. before ids existed), bypassing writeJSONToYDoc.
    const ydoc = new Y.Doc();
    const json = doc(
      {
        type: 'chapter',
        attrs: { role: 'scope' },
        content: [{ type: 'sectionTitle', content: [{ type: 'text', text: '范围' }] }],
      },
      {
        type: 'chapter',
        attrs: { role: 'other' },
        content: [
          { type: 'sectionTitle' },
          { type: 'clause', content: [{ type: 'sectionTitle' }] },
          { type: 'clause', content: [{ type: 'sectionTitle' }] },
        ],
      },
    );
    prosemirrorJSONToYXmlFragment(editorSchema(), json, ydoc.getXmlFragment(CONTENT_FIELD));
    return ydoc;
  }

  function plainPeer(source: Y.Doc): YPeer {
    const schema = editorSchema();
    const state = EditorState.create({
      schema,
      doc: schema.topNodeType.createAndFill()!,
      plugins: [structureIdsPlugin()],
    });
    const peer = new YPeer(new PlainState(state), schema);
    Y.applyUpdate(peer.ydoc, Y.encodeStateAsUpdate(source), 'remote');
    peer.pull();
    return peer;
  }

  it('peers that load id-less content assign the same ids, and settle after one exchange', () => {
    const source = legacyDoc();
    const a = plainPeer(source);
    const b = plainPeer(source);
    expectUniqueIds(a.state);
    expect(allIds(a.state.doc)).toHaveLength(4);
    expect(allIds(a.state.doc)).toEqual(allIds(b.state.doc));

    // Both write the repaired document at the same time: same values, no conflict.
    a.push();
    b.push();
    sync(a, b);
    expect(allIds(a.state.doc)).toEqual(allIds(b.state.doc));
    expect(yDocToJSON(a.ydoc)).toEqual(a.state.doc.toJSON());
    expect(yDocToJSON(a.ydoc)).toEqual(yDocToJSON(b.ydoc));
    // Quiescent: nothing left to write on either side.
    const sent = a.sentUpdates + b.sentUpdates;
    a.push();
    b.push();
    expect(a.sentUpdates + b.sentUpdates).toBe(sent);
  });

  it('local edits get random ids, never derived ones', () => {
    const a = plainPeer(legacyDoc());
    const b = plainPeer(legacyDoc());
    const insertChapter = (peer: YPeer): void =>
      peer.edit((state) =>
        state.tr.insert(
          state.doc.content.size,
          state.schema.nodes.chapter!.create(null, state.schema.nodes.sectionTitle!.create()),
        ),
      );
    insertChapter(a);
    insertChapter(b);
    const lastId = (peer: YPeer): unknown => peer.state.doc.lastChild?.attrs.id;
    expect(lastId(a)).not.toEqual(lastId(b));
    sync(a, b);
    expectUniqueIds(a.state);
    expect(a.state.doc.toJSON()).toEqual(b.state.doc.toJSON());
  });
});
