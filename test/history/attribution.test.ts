/**
 * What a change did, per clause, read from the Yjs transaction as a real editor (headless TipTap with
 * the shared extensions, synced the way y-prosemirror does) produces it: typing, moving a clause,
 * inserting and deleting sections, adding table rows, splitting a paragraph, changing the cover.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Editor } from '@tiptap/core';
import { writeJSONToYDoc } from '@shared/editor/yjsContent.js';
import { ChangeReplica } from '../../server/history/ChangeReplica.js';
import { ItemRanges } from '../../server/history/ItemRanges.js';
import type { TransactionEffects } from '../../server/history/transactionEffects.js';
import { createEditor, cursorInText } from '../editor/editorHarness.js';
import { YPeer } from '../editor/yPeer.js';
import type { StateHolder } from '../editor/yPeer.js';
import { chapter, clause, doc, p, tableBlock } from '../editor/fixtures.js';

function holder(editor: Editor): StateHolder {
  return {
    get state() {
      return editor.state;
    },
    dispatch: (tr) => editor.view.dispatch(tr),
  };
}

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

/** A replica of a small standard and an editor peer on the same state. */
function setup(): {
  peer: YPeer;
  replica: ChangeReplica;
  edit: (change: () => void, own?: ItemRanges) => TransactionEffects;
} {
  const source = new Y.Doc();
  writeJSONToYDoc(
    source,
    doc(
      { type: 'foreword', content: [p('本文件按照GB/T 1.1—2020的规定起草。')] },
      chapter(
        'chapReq01',
        'technical-requirements',
        '要求',
        clause('clauseAA', '外观', p('表面应光洁。')),
        clause('clauseBB', '尺寸', p('尺寸应符合图纸。')),
        clause(
          'clauseCC',
          '性能',
          p('性能应符合表1。'),
          tableBlock('tablePerf', '保温效能', [
            ['项目', '指标'],
            ['保温', '≥40'],
          ]),
        ),
      ),
    ),
  );
  editor = createEditor(doc(p()));
  const peer = new YPeer(holder(editor), editor.schema);
  Y.applyUpdate(peer.ydoc, Y.encodeStateAsUpdate(source), 'remote');
  peer.pull();
  const replica = new ChangeReplica(Y.encodeStateAsUpdate(source));
  const edit = (change: () => void, own = new ItemRanges()): TransactionEffects => {
    const known = Y.encodeStateVector(replica.doc);
    change();
    peer.push();
    // What the peer would send: its new structs and (always) its whole delete set.
    return replica.apply([Y.encodeStateAsUpdate(peer.ydoc, known)], own);
  };
  return { peer, replica, edit };
}

function text(effects: TransactionEffects): Record<string, [number, number]> {
  return Object.fromEntries([...effects.text].map(([key, d]) => [key, [d.added, d.removed]]));
}

describe('what one transaction changed, per clause', () => {
  it('typing counts the characters in the clause typed into', () => {
    const { edit } = setup();
    const effects = edit(() => {
      cursorInText(editor!, '尺寸应符合图纸。');
      editor!.view.dispatch(editor!.state.tr.insertText('公差±1 mm，'));
    });
    expect(text(effects)).toEqual({ clauseBB: [8, 0] });
    expect(effects.inserted.size + effects.deleted.size + effects.moved.size).toBe(0);
  });

  it('deleting text counts removed characters; deleting what the same entry typed takes it back', () => {
    const { edit } = setup();
    const own = new ItemRanges();
    const typed = edit(() => {
      cursorInText(editor!, '表面应光洁。');
      editor!.view.dispatch(editor!.state.tr.insertText('新增'));
    }, own);
    expect(text(typed)).toEqual({ clauseAA: [2, 0] });
    const erased = edit(() => {
      const { from } = editor!.state.selection;
      // the two typed characters and the first original one
      editor!.view.dispatch(editor!.state.tr.delete(from - 2, from + 1));
    }, own);
    expect(text(erased)).toEqual({ clauseAA: [-2, 1] });
  });

  it('moving a clause is a move, not its text deleted and typed again', () => {
    const { edit } = setup();
    const effects = edit(() => {
      cursorInText(editor!, '表面应光洁。');
      expect(editor!.commands.moveSectionDown()).toBe(true);
    });
    expect([...effects.moved.keys()]).toEqual(['clauseAA']);
    expect(effects.moved.get('clauseAA')?.label).toBe('1.1');
    expect(text(effects)).toEqual({});
  });

  it('a new clause is an insertion; deleting a clause records its label then', () => {
    const { edit } = setup();
    const inserted = edit(() => {
      cursorInText(editor!, '表面应光洁。');
      expect(editor!.commands.insertClauseAfter()).toBe(true);
    });
    expect(inserted.inserted.size).toBe(1);
    const deleted = edit(() => {
      cursorInText(editor!, '性能应符合表1。');
      expect(editor!.commands.deleteSection()).toBe(true);
    });
    expect([...deleted.deleted.keys()]).toEqual(['clauseCC']);
    expect(deleted.deleted.get('clauseCC')?.label).toBe('1.4');
    // its table went with it: remembered with its label, not reported separately
    expect(deleted.graveyard.get('tablePerf')?.label).toBe('表1');
    expect(deleted.rows.size).toBe(0);
  });

  it('a table row added is counted on its table', () => {
    const { edit } = setup();
    const effects = edit(() => {
      cursorInText(editor!, '保温');
      expect(editor!.commands.addRowAfter()).toBe(true);
    });
    expect(effects.rows.get('tablePerf')).toMatchObject({ added: 1, removed: 0 });
    expect(effects.rows.get('tablePerf')?.target.path).toEqual(['chapReq01', 'clauseCC']);
  });

  it('splitting a paragraph changes no characters', () => {
    const { edit } = setup();
    const effects = edit(() => {
      cursorInText(editor!, '尺寸应符合图纸。');
      editor!.commands.setTextSelection(editor!.state.selection.from + 2);
      expect(editor!.commands.splitBlock()).toBe(true);
    });
    expect(text(effects)).toEqual({});
  });

  it('text outside sections belongs to its part', () => {
    const { edit } = setup();
    const effects = edit(() => {
      cursorInText(editor!, '本文件按照GB/T 1.1—2020的规定起草。');
      editor!.view.dispatch(editor!.state.tr.insertText('注意：'));
    });
    expect(text(effects)).toEqual({ foreword: [3, 0] });
  });
});
