import { describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import {
  DANGLING_REFERENCE_LABEL,
  ID_PATTERN,
  computeNumbering,
  crossRefLabel,
  structureNumberingPluginKey,
} from '@shared/editor/structure/index.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { allIds, createEditor, cursorInText, cursorInTitleOf, editorPerTest, posInside } from './editorHarness.js';
import { chapter, clause, doc, p, ref, smallStandard, term } from './fixtures.js';

const open = editorPerTest();

/** Types text at the cursor (insertContent of a string would parse HTML, which needs a DOM). */
function type(e: Editor, text: string): void {
  e.view.dispatch(e.state.tr.insertText(text));
}

function labels(e: Editor): string[] {
  return computeNumbering(e.getJSON() as ProseMirrorJSON).outline.map((item) => `${item.label} ${item.title}`.trim());
}

/** The `data-label` the numbering plugin puts on the first crossRef node. */
function crossRefDecorationLabel(e: Editor): string | undefined {
  const pos = posInside(e.state.doc, (node) => node.type.name === 'crossRef');
  const plugin = structureNumberingPluginKey.get(e.state)!;
  const set = plugin.props.decorations!.call(plugin, e.state) as DecorationSet;
  const [decoration] = set
    .find(pos, pos + 1, (spec) => spec !== null)
    .filter((d) => d.from === pos && d.to === pos + 1);
  const attrs = (decoration as unknown as { type: { attrs: Record<string, string> } } | undefined)?.type.attrs;
  return attrs?.['data-label'];
}

function fiveTwoStandard(): ProseMirrorJSON {
  return doc(
    chapter('chapter1', 'scope', '范围', p('范围文本')),
    chapter('chapter2', 'normative-references', '规范性引用文件', p('无')),
    chapter('chapter3', 'terms', '术语和定义', p('无')),
    chapter('chapter4', 'basic-requirements', '基本要求', p('基本')),
    chapter(
      'chapter5',
      'technical-requirements',
      '技术要求',
      clause('clause51', '外观', p('外观文本')),
      clause('clause52', '尺寸', p('尺寸文本'), clause('clause521', '长度'), clause('clause522', '宽度')),
      clause('clause53', '性能', p('见', ref('clause52'), '。')),
    ),
  );
}

describe('section commands on a headless editor', () => {
  it('inserting a clause between 5.1 and 5.2 renumbers 5.2 to 5.3, and its cross-reference follows', () => {
    const e = open(fiveTwoStandard());
    expect(crossRefDecorationLabel(e)).toBe('5.2');
    cursorInText(e, '外观文本');
    expect(e.commands.insertClauseAfter()).toBe(true);
    type(e, '新条');
    expect(labels(e).slice(4)).toEqual([
      '5 技术要求',
      '5.1 外观',
      '5.2 新条',
      '5.3 尺寸',
      '5.3.1 长度',
      '5.3.2 宽度',
      '5.4 性能',
    ]);
    expect(e.storage.structureNumbering.numbering.byId.clause52?.label).toBe('5.3');
    expect(crossRefLabel(e.storage.structureNumbering.numbering, 'clause52')).toBe('5.3');
    expect(crossRefDecorationLabel(e)).toBe('5.3');
    // The new clause got a well-formed id at once.
    const inserted = e.storage.structureNumbering.numbering.outline.find((i) => i.title === '新条');
    expect(inserted?.id).toMatch(ID_PATTERN);
  });

  it('insertClauseAfter in a chapter title adds a chapter after it; insertSubclause adds a last child', () => {
    const e = open(fiveTwoStandard());
    cursorInTitleOf(e, 'chapter4');
    expect(e.commands.insertClauseAfter()).toBe(true);
    type(e, '新章');
    expect(labels(e)).toContain('5 新章');
    expect(labels(e)).toContain('6 技术要求');
    cursorInTitleOf(e, 'clause52');
    expect(e.commands.insertSubclause()).toBe(true);
    type(e, '高度');
    expect(labels(e)).toContain('6.2.3 高度');
    expect(e.state.selection.$from.parent.type.name).toBe('sectionTitle');
  });

  it('insertSubclause refuses a sixth level below the chapter', () => {
    const deep = doc(
      chapter(
        'chapter1',
        'other',
        '一',
        clause(
          'l1xxxxxx',
          'a',
          clause('l2xxxxxx', 'b', clause('l3xxxxxx', 'c', clause('l4xxxxxx', 'd', clause('l5xxxxxx', 'e')))),
        ),
      ),
    );
    const e = open(deep);
    cursorInTitleOf(e, 'l4xxxxxx');
    expect(e.commands.insertSubclause()).toBe(true);
    cursorInTitleOf(e, 'l5xxxxxx');
    expect(e.commands.insertSubclause()).toBe(false);
  });

  it('moves a clause past its siblings and keeps the cursor in it', () => {
    const e = open(fiveTwoStandard());
    cursorInText(e, '外观文本');
    expect(e.commands.moveSectionUp()).toBe(false);
    expect(e.commands.moveSectionDown()).toBe(true);
    expect(labels(e).slice(5)).toEqual(['5.1 尺寸', '5.1.1 长度', '5.1.2 宽度', '5.2 外观', '5.3 性能']);
    expect(e.state.selection.$from.parent.textContent).toBe('外观文本');
    expect(e.commands.moveSectionDown()).toBe(true);
    expect(e.commands.moveSectionDown()).toBe(false);
    expect(e.commands.moveSectionUp()).toBe(true);
    expect(
      labels(e)
        .slice(5)
        .map((l) => l.split(' ')[1]),
    ).toEqual(['尺寸', '长度', '宽度', '外观', '性能']);
    expect(e.storage.structureNumbering.numbering.byId.clause51?.label).toBe('5.2');
  });

  it('moves a chapter past a chapter, never past a non-chapter', () => {
    const e = open(
      doc(
        { type: 'foreword', content: [p('前言')] },
        chapter('chapter1', 'scope', '范围'),
        chapter('chapter2', 'other', '其他'),
      ),
    );
    cursorInTitleOf(e, 'chapter1');
    expect(e.commands.moveSectionUp()).toBe(false);
    cursorInTitleOf(e, 'chapter2');
    expect(e.commands.moveSectionUp()).toBe(true);
    expect(labels(e)).toEqual(['1 其他', '2 范围']);
  });

  it('demotes a clause under its previous sibling and promotes it back, keeping the reading order', () => {
    const e = open(fiveTwoStandard());
    cursorInTitleOf(e, 'clause53');
    expect(e.commands.demoteClause()).toBe(true);
    expect(labels(e).slice(5)).toEqual(['5.1 外观', '5.2 尺寸', '5.2.1 长度', '5.2.2 宽度', '5.2.3 性能']);
    expect(e.state.selection.$from.parent.textContent).toBe('性能');
    expect(e.commands.promoteClause()).toBe(true);
    expect(labels(e).slice(5)).toEqual(['5.1 外观', '5.2 尺寸', '5.2.1 长度', '5.2.2 宽度', '5.3 性能']);
    expect(e.getJSON()).toEqual(createEditor(fiveTwoStandard()).getJSON());
  });

  it('promoting a clause adopts its following siblings; first-level clauses and first children cannot move', () => {
    const e = open(fiveTwoStandard());
    cursorInTitleOf(e, 'clause521');
    expect(e.commands.demoteClause()).toBe(false);
    expect(e.commands.promoteClause()).toBe(true);
    expect(labels(e).slice(5)).toEqual(['5.1 外观', '5.2 尺寸', '5.3 长度', '5.3.1 宽度', '5.4 性能']);
    cursorInTitleOf(e, 'clause51');
    expect(e.commands.promoteClause()).toBe(false);
  });

  it('demote refuses to push a subtree beyond five levels', () => {
    const deep = doc(
      chapter(
        'chapter1',
        'other',
        '一',
        clause('l1xxxxxx', 'a'),
        clause(
          'm1xxxxxx',
          'b',
          clause('m2xxxxxx', 'c', clause('m3xxxxxx', 'd', clause('m4xxxxxx', 'e', clause('m5xxxxxx', 'f')))),
        ),
      ),
    );
    const e = open(deep);
    cursorInTitleOf(e, 'm1xxxxxx');
    expect(e.commands.demoteClause()).toBe(false);
  });

  it('Backspace in an empty clause title deletes the clause; in a filled one it never nests the clause', () => {
    const e = open(fiveTwoStandard());
    cursorInText(e, '外观文本');
    e.commands.insertClauseAfter();
    expect(labels(e)).toContain('5.2');
    expect(e.commands.deleteEmptySection()).toBe(true);
    expect(labels(e)).not.toContain('5.2');
    expect(e.state.selection.$from.parent.textContent).toBe('外观文本');
    cursorInTitleOf(e, 'clause52');
    const before = e.getJSON();
    expect(e.commands.deleteEmptySection()).toBe(true);
    expect(e.getJSON()).toEqual(before);
    cursorInText(e, '尺寸文本');
    expect(e.commands.deleteEmptySection()).toBe(false);
  });

  it('insertChapter places a titled chapter after the current one; insertAnnex goes after the annexes', () => {
    const e = open(
      doc(
        chapter('chapter1', 'scope', '范围', p('范围文本')),
        {
          type: 'annex',
          attrs: { id: 'annexAxx', normative: 'normative' },
          content: [{ type: 'sectionTitle', content: [{ type: 'text', text: 'A' }] }],
        },
        { type: 'bibliography', content: [p('文献')] },
      ),
    );
    cursorInText(e, '范围文本');
    expect(e.commands.insertChapter('normative-references')).toBe(true);
    expect(e.state.selection.$from.parent.textContent).toBe('规范性引用文件');
    cursorInText(e, '文献');
    expect(e.commands.insertAnnex('informative')).toBe(true);
    type(e, '资料');
    cursorInText(e, '文献');
    expect(e.commands.insertChapter('terms')).toBe(true);
    const numbering = computeNumbering(e.getJSON() as ProseMirrorJSON);
    expect(numbering.outline.map((i) => `${i.label}:${i.title}:${i.role ?? i.annexType}`)).toEqual([
      '1:范围:scope',
      '2:规范性引用文件:normative-references',
      '3:术语和定义:terms',
      '附录A:A:normative',
      '附录B:资料:informative',
    ]);
  });
});

describe('block commands', () => {
  it('inserts a term entry after the current one and numbers it', () => {
    const e = open(
      doc(
        chapter('chapter1', 'scope', '范围'),
        chapter('chapter2', 'normative-references', '规范性引用文件'),
        chapter(
          'chapter3',
          'terms',
          '术语和定义',
          p('下列术语和定义适用于本文件。'),
          term('term3001', '杯', 'cup', '容器'),
        ),
      ),
    );
    cursorInText(e, '容器');
    expect(e.commands.insertTermEntry()).toBe(true);
    expect(e.state.selection.$from.parent.type.name).toBe('termName');
    type(e, '盖');
    const terms = Object.values(e.storage.structureNumbering.numbering.byId).filter((i) => i.kind === 'term');
    expect(terms.map((t) => `${t.label} ${t.title}`)).toEqual(['3.1 杯', '3.2 盖']);
  });

  it('inserts a reference entry that is labelled with its code', () => {
    const e = open(doc(chapter('chapter2', 'normative-references', '规范性引用文件', p('引导语'))));
    cursorInText(e, '引导语');
    expect(e.commands.insertReferenceEntry()).toBe(true);
    type(e, 'GB/T 191—2008 包装储运图示标志');
    const refs = Object.values(e.storage.structureNumbering.numbering.byId).filter((i) => i.kind === 'reference');
    expect(refs.map((r) => [r.label, r.title])).toEqual([['GB/T 191—2008', '包装储运图示标志']]);
  });

  it('inserts a table block with caption and header row, then notes numbered in the table', () => {
    const e = open(doc(chapter('chapter1', 'other', '一', p('文本'))));
    cursorInText(e, '文本');
    expect(e.commands.insertTableBlock({ rows: 3, cols: 2 })).toBe(true);
    expect(e.state.selection.$from.parent.type.name).toBe('caption');
    type(e, '尺寸');
    const json = e.getJSON() as ProseMirrorJSON;
    const block = json.content?.[0]?.content?.[2];
    expect(block?.type).toBe('tableBlock');
    const table = block?.content?.[1];
    expect(table?.content?.map((row) => row.content?.map((c) => c.type))).toEqual([
      ['tableHeader', 'tableHeader'],
      ['tableCell', 'tableCell'],
      ['tableCell', 'tableCell'],
    ]);
    // A note from inside a table cell goes to the table's notes.
    const cellPos = posInside(e.state.doc, (node) => node.type.name === 'tableCell');
    e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, cellPos + 2)));
    expect(e.commands.insertNote()).toBe(true);
    expect(e.commands.insertNote()).toBe(true);
    const numbering = e.storage.structureNumbering.numbering;
    expect(Object.values(numbering.byId).find((i) => i.kind === 'table')?.label).toBe('表1');
    expect(numbering.notes.map((n) => `${n.parentType}:${n.label}`)).toEqual(['tableBlock:注1：', 'tableBlock:注2：']);
  });

  it('inserts a figure in place of an empty paragraph', () => {
    const e = open(doc(chapter('chapter1', 'other', '一', p('文本'), p())));
    const emptyPos = posInside(e.state.doc, (node) => node.type.name === 'paragraph' && node.content.size === 0);
    e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, emptyPos + 1)));
    expect(e.commands.insertFigureBlock({ src: 'data:image/png;base64,AA==' })).toBe(true);
    const chapterJSON = (e.getJSON() as ProseMirrorJSON).content?.[0];
    expect(chapterJSON?.content?.map((c) => c.type)).toEqual(['sectionTitle', 'paragraph', 'figureBlock']);
    expect(chapterJSON?.content?.[2]?.attrs?.src).toBe('data:image/png;base64,AA==');
  });

  it('inserts a cross-reference in text only, and shows a deleted target as dangling', () => {
    const e = open(fiveTwoStandard());
    cursorInText(e, '范围文本');
    expect(e.commands.insertCrossRef('clause51')).toBe(true);
    const refs: string[] = [];
    e.state.doc.descendants((node) => {
      if (node.type.name === 'crossRef') refs.push(String(node.attrs.targetId));
    });
    expect(refs).toEqual(['clause51', 'clause52']);
    const clausePos = posInside(e.state.doc, (node) => node.attrs.id === 'chapter5');
    e.view.dispatch(e.state.tr.setSelection(NodeSelection.create(e.state.doc, clausePos)));
    expect(e.commands.insertCrossRef('clause51')).toBe(false);
    // Delete clause 5.2: the reference to it is now dangling.
    const pos = posInside(e.state.doc, (node) => node.attrs.id === 'clause52');
    e.view.dispatch(e.state.tr.delete(pos, pos + e.state.doc.nodeAt(pos)!.nodeSize));
    expect(crossRefLabel(e.storage.structureNumbering.numbering, 'clause52')).toBe(DANGLING_REFERENCE_LABEL);
    expect(e.getText()).toContain('见［引用目标已删除］。');
  });

  it('sets list styles, converting between bullet and ordered lists', () => {
    const e = open(
      doc(
        chapter(
          'chapter1',
          'other',
          '一',
          { type: 'bulletList', content: [{ type: 'listItem', content: [p('项目')] }] },
          p('段落'),
        ),
      ),
    );
    const json = (): ProseMirrorJSON | undefined => (e.getJSON() as ProseMirrorJSON).content?.[0]?.content?.[1];
    expect(json()?.attrs?.listStyle).toBe('dash');
    cursorInText(e, '项目');
    expect(e.commands.setListStyle('number')).toBe(true);
    expect(json()).toMatchObject({ type: 'orderedList', attrs: { listStyle: 'number' } });
    expect(e.commands.setListStyle('letter')).toBe(true);
    expect(json()).toMatchObject({ type: 'orderedList', attrs: { listStyle: 'letter' } });
    expect(e.commands.setListStyle('dash')).toBe(true);
    expect(json()).toMatchObject({ type: 'bulletList', attrs: { listStyle: 'dash' } });
    cursorInText(e, '段落');
    expect(e.commands.setListStyle('number')).toBe(true);
    const last = (e.getJSON() as ProseMirrorJSON).content?.[0]?.content?.[2];
    expect(last).toMatchObject({ type: 'orderedList', attrs: { listStyle: 'number' } });
  });
});

describe('ids under editing', () => {
  it('re-issues the id of a duplicated clause and of the later half of a split', () => {
    const e = open(fiveTwoStandard());
    const pos = posInside(e.state.doc, (node) => node.attrs.id === 'clause51');
    const node = e.state.doc.nodeAt(pos)!;
    e.view.dispatch(e.state.tr.insert(pos + node.nodeSize, node));
    let ids = allIds(e.state.doc);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id === 'clause51')).toHaveLength(1);
    expect(e.state.doc.child(4).child(1).attrs.id).toBe('clause51');

    // Split clause 5.3 in its title: the second half is a new clause with an empty title.
    const at = posInside(e.state.doc, (n) => n.attrs.id === 'clause53') + 2 + '性能'.length;
    const schema = e.state.schema;
    e.view.dispatch(
      e.state.tr.split(at, 2, [
        { type: schema.nodes.clause!, attrs: { id: 'clause53' } },
        { type: schema.nodes.sectionTitle! },
      ]),
    );
    ids = allIds(e.state.doc);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => ID_PATTERN.test(id))).toBe(true);
    expect(labels(e).slice(-2)).toEqual(['5.4 性能', '5.5']);
  });

  it('gives ids to structural nodes that arrive without one', () => {
    const e = open(smallStandard());
    e.commands.setContent(
      doc(chapter('', 'scope', '范围'), {
        type: 'chapter',
        attrs: { role: 'other' },
        content: [{ type: 'sectionTitle' }],
      }),
    );
    const ids = allIds(e.state.doc);
    expect(ids).toHaveLength(2);
    expect(ids.every((id) => ID_PATTERN.test(id))).toBe(true);
  });
});
