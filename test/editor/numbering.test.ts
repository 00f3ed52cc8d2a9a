import { describe, expect, it } from 'vitest';
import {
  computeNumbering,
  crossRefLabel,
  annexLetter,
  DANGLING_REFERENCE_LABEL,
} from '@shared/editor/structure/index.js';
import { editorSchema } from '@shared/editor/schema.js';
import { computeNumberingOfNode } from '@shared/editor/structure/structureNumbering.js';
import { annex, chapter, clause, doc, note, p, smallStandard, tableBlock, term } from './fixtures.js';

describe('computeNumbering on a small standard', () => {
  const numbering = computeNumbering(smallStandard());
  const label = (id: string): string | undefined => numbering.byId[id]?.label;

  it('the fixture is valid in the shared schema', () => {
    expect(() => editorSchema().nodeFromJSON(smallStandard()).check()).not.toThrow();
  });

  it('numbers chapters 1, 2, 3 … in document order (cover, foreword, annexes are not chapters)', () => {
    expect(['chScope01', 'chRefs0001', 'chTerms001', 'chTech0001', 'chTest0001'].map(label)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(numbering.byId.chTech0001).toMatchObject({
      kind: 'chapter',
      role: 'technical-requirements',
      title: '技术要求',
      depth: 1,
      parentId: null,
    });
  });

  it('numbers clauses down to five levels below the chapter', () => {
    expect(
      [
        'clAppear01',
        'clMater001',
        'clMater011',
        'clMater111',
        'clMater211',
        'clMater311',
        'clMater012',
        'clPerf0001',
      ].map(label),
    ).toEqual(['4.1', '4.2', '4.2.1', '4.2.1.1', '4.2.1.1.1', '4.2.1.1.1.1', '4.2.2', '4.3']);
    expect(numbering.byId.clMater311).toMatchObject({
      depth: 6,
      title: '304',
      parentId: 'clMater211',
      path: ['chTech0001', 'clMater001', 'clMater011', 'clMater111', 'clMater211'],
    });
  });

  it('letters annexes and numbers their clauses A.1, A.2.1 …', () => {
    expect(numbering.byId.anxA000001).toMatchObject({
      kind: 'annex',
      label: '附录A',
      letter: 'A',
      annexType: 'normative',
      title: '保温效能试验方法',
    });
    expect(numbering.byId.anxB000001).toMatchObject({ label: '附录B', annexType: 'informative' });
    expect(['anxA1clause', 'anxA2clause', 'anxA21claus', 'anxA22claus'].map(label)).toEqual([
      'A.1',
      'A.2',
      'A.2.1',
      'A.2.2',
    ]);
  });

  it('numbers tables and figures in the body and per annex', () => {
    expect(['tbPerf0001', 'tbTest0001', 'tbAnxA0001', 'tbAnxB0001'].map(label)).toEqual([
      '表1',
      '表2',
      '表A.1',
      '表B.1',
    ]);
    expect(['fgShape001', 'fgAnxA0001'].map(label)).toEqual(['图1', '图A.1']);
    expect(numbering.byId.tbPerf0001).toMatchObject({
      kind: 'table',
      title: '保温效能',
      parentId: 'clPerf0001',
      depth: 3,
    });
  });

  it('numbers terms with the chapter number and labels references with their designation', () => {
    expect(numbering.byId.termVacuum).toMatchObject({ kind: 'term', label: '3.1', title: '真空保温杯' });
    expect(label('termLid0001')).toBe('3.2');
    expect(['refGB48069', 'refGB48061', 'refQB23320', 'refISO2071'].map(label)).toEqual([
      'GB/T 4806.9—2016',
      'GB 4806.1',
      'QB/T 2332—2017',
      'ISO 20712-1:2008',
    ]);
    expect(numbering.byId.refGB48061?.reference).toMatchObject({ dated: false, category: 'national' });
  });

  it('labels notes per parent: 注： alone, 注1：注2： when several', () => {
    expect(numbering.notes.map((n) => `${n.parentType}:${n.parentId}:${n.label}`)).toEqual([
      'termEntry:termLid0001:注：',
      'clause:clAppear01:注1：',
      'clause:clAppear01:注2：',
      'tableBlock:tbPerf0001:注：',
    ]);
  });

  it('lists chapters, clauses and annexes in the outline, never terms or tables', () => {
    expect(numbering.outline.map((item) => item.label)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '4.1',
      '4.2',
      '4.2.1',
      '4.2.1.1',
      '4.2.1.1.1',
      '4.2.1.1.1.1',
      '4.2.2',
      '4.3',
      '5',
      '附录A',
      'A.1',
      'A.2',
      'A.2.1',
      'A.2.2',
      '附录B',
    ]);
  });

  it('resolves cross-references and marks dangling ones', () => {
    expect(crossRefLabel(numbering, 'clMater011')).toBe('4.2.1');
    expect(crossRefLabel(numbering, 'anxA000001')).toBe('附录A');
    expect(crossRefLabel(numbering, 'gone000001')).toBe(DANGLING_REFERENCE_LABEL);
    expect(crossRefLabel(numbering, null)).toBe(DANGLING_REFERENCE_LABEL);
  });

  it('gives the same result from ProseMirror nodes as from JSON', () => {
    const node = editorSchema().nodeFromJSON(smallStandard());
    expect(computeNumberingOfNode(node)).toEqual(numbering);
  });
});

describe('computeNumbering rules', () => {
  it('numbers terms inside a clause of the terms chapter with the clause number', () => {
    const numbering = computeNumbering(
      doc(
        chapter('c1xxxxxx', 'scope', '范围'),
        chapter('c2xxxxxx', 'normative-references', '规范性引用文件', p('本文件没有规范性引用文件。')),
        chapter(
          'c3xxxxxx',
          'terms',
          '术语和定义',
          clause('c31xxxxx', '通用术语', term('t311xxxx', '甲', 'a', '定义'), term('t312xxxx', '乙', 'b', '定义')),
          clause('c32xxxxx', '产品术语', term('t321xxxx', '丙', 'c', '定义')),
        ),
      ),
    );
    expect(['t311xxxx', 't312xxxx', 't321xxxx'].map((id) => numbering.byId[id]?.label)).toEqual([
      '3.1.1',
      '3.1.2',
      '3.2.1',
    ]);
  });

  it('numbers nodes without ids (absent from byId) and keeps the first of duplicated ids', () => {
    const numbering = computeNumbering(
      doc(
        { type: 'chapter', content: [{ type: 'sectionTitle' }] },
        chapter('dupxxxxx', 'other', 'A'),
        chapter('dupxxxxx', 'other', 'B'),
      ),
    );
    expect(numbering.outline.map((i) => `${i.id}=${i.label}`)).toEqual(['=1', 'dupxxxxx=2', 'dupxxxxx=3']);
    expect(numbering.byId.dupxxxxx?.title).toBe('A');
    expect(Object.keys(numbering.byId)).toEqual(['dupxxxxx']);
  });

  it('restarts table numbers in each annex and continues body numbers after annexes', () => {
    const numbering = computeNumbering(
      doc(
        chapter('chapter1', 'other', '一', tableBlock('tablexx1', 'x', [['a']])),
        annex('annexAxx', 'normative', 'A', tableBlock('tablexx2', 'x', [['a']]), tableBlock('tablexx3', 'x', [['a']])),
        annex('annexBxx', 'informative', 'B', tableBlock('tablexx4', 'x', [['a']])),
      ),
    );
    expect(['tablexx1', 'tablexx2', 'tablexx3', 'tablexx4'].map((id) => numbering.byId[id]?.label)).toEqual([
      '表1',
      '表A.1',
      '表A.2',
      '表B.1',
    ]);
  });

  it('a single note in a chapter is 注：, notes of different parents are counted apart', () => {
    const numbering = computeNumbering(
      doc(chapter('chapter1', 'other', '一', p('x'), note('a'), clause('clause11', 'c', note('b'), note('c')))),
    );
    expect(numbering.notes.map((n) => n.label)).toEqual(['注：', '注1：', '注2：']);
  });

  it('letters annexes beyond Z', () => {
    expect([0, 1, 25, 26, 27].map(annexLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });
});
