/**
 * Commands that change sections after insertion (chapter role, annex status, deleting a clause with
 * its content), placing a missing chapter in the Zhejiang Made order, and sorting chapter 2 into the
 * GB/T 1.1 order — on a headless editor with the shared extension list.
 */
import { describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { runChecker } from '@shared/checker/runChecker.js';
import { computeNumbering, sectionDeletionAt } from '@shared/editor/structure/index.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { cursorInText, cursorInTitleOf, editorPerTest } from './editorHarness.js';
import { annex, chapter, clause, doc, p, ref, reference } from './fixtures.js';

const open = editorPerTest();

function json(e: Editor): ProseMirrorJSON {
  return e.getJSON() as ProseMirrorJSON;
}

function chapters(e: Editor): string[] {
  return computeNumbering(json(e))
    .outline.filter((item) => item.kind === 'chapter')
    .map((item) => [item.label, item.title, item.role].filter(Boolean).join(' '));
}

function outline(e: Editor): string[] {
  return computeNumbering(json(e)).outline.map((item) => `${item.label} ${item.title}`.trim());
}

function ruleIds(e: Editor): string[] {
  return runChecker(json(e), 'standard').findings.map((f) => f.ruleId);
}

describe('setChapterRole', () => {
  it('gives a chapter inserted with 插入条 (role other) its role, so the required-chapter rule sees it', () => {
    const e = open(doc(chapter('c1', 'scope', '范围', p('本文件规定了要求。'))));
    cursorInTitleOf(e, 'c1');
    expect(e.commands.insertClauseAfter()).toBe(true);
    expect(chapters(e)).toEqual(['1 范围 scope', '2 other']);
    expect(ruleIds(e).filter((id) => id === 'structure.required-chapter-missing')).toHaveLength(8);

    expect(e.commands.setChapterRole('normative-references')).toBe(true);
    // The untitled chapter takes the role's conventional title.
    expect(chapters(e)).toEqual(['1 范围 scope', '2 规范性引用文件 normative-references']);
    expect(ruleIds(e).filter((id) => id === 'structure.required-chapter-missing')).toHaveLength(7);
  });

  it('keeps a typed title, and is refused outside a chapter or when the role is unchanged', () => {
    const e = open(doc(chapter('c1', 'other', '产品分类及型号', p('按容量分类。'), clause('c11', '型号', p('x')))));
    cursorInTitleOf(e, 'c11');
    expect(e.commands.setChapterRole('classification')).toBe(true);
    expect(chapters(e)).toEqual(['1 产品分类及型号 classification']);
    expect(e.commands.setChapterRole('classification')).toBe(false);
    const a = open(doc(annex('a1', 'normative', '试验方法', p('x'))));
    cursorInTitleOf(a, 'a1');
    expect(a.commands.setChapterRole('scope')).toBe(false);
  });
});

describe('setAnnexType', () => {
  it('switches an annex between normative and informative', () => {
    const e = open(doc(chapter('c1', 'scope', '范围', p('见附录A。')), annex('a1', 'normative', '选型', p('x'))));
    cursorInText(e, 'x');
    expect(e.commands.setAnnexType('informative')).toBe(true);
    expect(computeNumbering(json(e)).byId.a1?.annexType).toBe('informative');
    expect(e.commands.setAnnexType('informative')).toBe(false);
    expect(e.commands.setAnnexType('normative')).toBe(true);
    expect(computeNumbering(json(e)).byId.a1?.annexType).toBe('normative');
    cursorInText(e, '见附录A。');
    expect(e.commands.setAnnexType('informative')).toBe(false);
  });
});

describe('deleteSection', () => {
  const standard = () =>
    doc(
      chapter(
        'c5',
        'technical-requirements',
        '技术要求',
        clause('c51', '外观', p('外观文本')),
        clause('c52', '材料', p('材料文本'), clause('c521', '不锈钢', p('钢')), clause('c522', '塑料', p('塑'))),
        clause('c53', '性能', p('见', ref('c522'), '和', ref('c51'), '。')),
      ),
    );

  it('deletes a filled clause with its subclauses and renumbers what follows', () => {
    const e = open(standard());
    cursorInText(e, '钢');
    // The innermost clause around the cursor: 5.2.1.
    const inner = sectionDeletionAt(e.state.doc, e.state.selection);
    expect(inner?.title).toBe('不锈钢');
    cursorInText(e, '材料文本');
    const deletion = sectionDeletionAt(e.state.doc, e.state.selection);
    expect(deletion).toMatchObject({ type: 'clause', id: 'c52', title: '材料', clauses: 2, incomingReferences: 1 });
    expect(e.commands.deleteSection()).toBe(true);
    expect(outline(e)).toEqual(['1 技术要求', '1.1 外观', '1.2 性能']);
    expect(e.state.doc.textContent).not.toContain('材料文本');
  });

  it('deletes a chapter or an annex, and is refused outside any section', () => {
    const e = open(doc(p('前文'), chapter('c1', 'scope', '范围', p('x')), annex('a1', 'informative', '附', p('y'))));
    cursorInText(e, 'y');
    expect(e.commands.deleteSection()).toBe(true);
    expect(outline(e)).toEqual(['1 范围']);
    cursorInText(e, '前文');
    expect(e.commands.deleteSection()).toBe(false);
  });
});

describe('insertChapterInOrder', () => {
  it('puts a missing chapter where the Zhejiang Made order wants it', () => {
    const e = open(
      doc(
        chapter('c1', 'scope', '范围', p('x')),
        chapter('c2', 'normative-references', '规范性引用文件', p('x')),
        chapter('c3', 'technical-requirements', '技术要求', p('x')),
        annex('a1', 'normative', '附', p('y')),
      ),
    );
    cursorInText(e, 'y');
    expect(e.commands.insertChapterInOrder('terms')).toBe(true);
    expect(e.commands.insertChapterInOrder('quality-commitment')).toBe(true);
    expect(chapters(e)).toEqual([
      '1 范围 scope',
      '2 规范性引用文件 normative-references',
      '3 术语和定义 terms',
      '4 技术要求 technical-requirements',
      '5 质量承诺 quality-commitment',
    ]);
    expect(outline(e).at(-1)).toBe('附录A 附');
  });
});

describe('sortReferences', () => {
  const LEAD_IN = '下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。';
  const listed = (e: Editor): string[] => {
    const entries: string[] = [];
    e.state.doc.descendants((node) => {
      if (node.type.name === 'referenceEntry') entries.push(node.textContent.split(/\s/)[0] ?? '');
      return true;
    });
    return entries;
  };

  it('orders chapter 2 as GB/T 1.1 and the checker wants it, keeping the lead-in and the ids', () => {
    const e = open(
      doc(
        chapter(
          'c2',
          'normative-references',
          '规范性引用文件',
          p(LEAD_IN),
          reference('r1', 'ISO 20712-1:2008 Knife blades'),
          reference('r2', 'QB/T 2332 不锈钢器皿'),
          reference('r3', 'GB/T 191 包装储运图示标志'),
          reference('r4', 'T/ZZB 0001 团体标准'),
          reference('r5', 'GB 4806.9 食品接触用金属材料'),
          reference('r6', 'GB/T 1.1 起草规则'),
          reference('r7', 'DB33/T 100 地方标准'),
          reference('r8', 'IEC 60335-1 Household appliances'),
        ),
      ),
    );
    expect(ruleIds(e)).toContain('references.order');
    expect(e.commands.sortReferences()).toBe(true);
    expect(listed(e)).toEqual(['GB', 'GB/T', 'GB/T', 'QB/T', 'DB33/T', 'T/ZZB', 'ISO', 'IEC']);
    expect(e.state.doc.textContent).toContain('GB 4806.9');
    const text = e.state.doc.textContent;
    expect(text.indexOf('GB/T 1.1')).toBeLessThan(text.indexOf('GB/T 191'));
    expect(e.state.doc.child(0).child(1).textContent).toBe(LEAD_IN);
    expect(computeNumbering(json(e)).byId.r5?.label).toBe('GB 4806.9');
    expect(ruleIds(e)).not.toContain('references.order');
    // Already in order: nothing to do.
    expect(e.commands.sortReferences()).toBe(false);
  });

  it('is refused without a normative-references chapter', () => {
    const e = open(doc(chapter('c1', 'scope', '范围', p('x'))));
    expect(e.commands.sortReferences()).toBe(false);
  });
});
