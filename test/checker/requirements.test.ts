import { describe, expect, it } from 'vitest';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { annex, chapter, clause, doc, expectNoRule, expectRule, idOf, p, table, tableWith, xref } from './build.js';
import { miniStandard } from './miniStandard.js';

const id = 'requirements.untested';

/** 技术要求 as chapter 1 with clauses 1.1 外观 (1.1.1, 1.1.2) and 1.2 性能 (with 表1), then 试验方法 as chapter 2. */
function standard(testMethods: (parts: Record<string, ProseMirrorJSON>) => ProseMirrorJSON[]): ProseMirrorJSON {
  const body = clause('杯体', p('杯体应光洁。'));
  const lid = clause('杯盖', p('杯盖应旋合顺畅。'));
  const appearance = clause('外观', body, lid);
  const performanceTable = table('性能要求');
  const performance = clause('性能', p('性能应符合', xref(performanceTable), '的规定。'), performanceTable);
  const parts = { body, lid, appearance, performance, performanceTable };
  return doc(
    chapter('technical-requirements', '技术要求', appearance, performance),
    chapter('test-methods', '试验方法', ...testMethods(parts)),
  );
}

describe('requirements.untested', () => {
  it('reports each leaf requirement no test method refers to', () => {
    const json = standard(({ body }) => [
      clause('外观', p('目测，对照', xref(body), '判定。')),
      clause('其他', p('略。')),
    ]);
    const found = expectRule(json, id);
    expect(found.map((f) => f.clauseLabel)).toEqual(['1.1.2', '1.2']);
    expect(found[0]?.message.zh).toContain('1.1.2');
  });
  it('is not satisfied by a decimal that looks like a clause number', () => {
    const json = standard(() => [clause('尺寸', p('厚度为1.2 mm，偏差为1.1.2%以内。')), clause('其他', p('略。'))]);
    expect(expectRule(json, id)).toHaveLength(3);
  });
  it('accepts cross-references to the leaves', () => {
    const json = standard(({ body, lid, performance }) => [
      clause('外观', p('对照', xref(body), '和', xref(lid), '判定。')),
      clause('性能', p('对照', xref(performance), '判定。')),
    ]);
    expectNoRule(json, id);
  });
  it('accepts a reference to an enclosing clause or to a table inside the requirement', () => {
    const json = standard(({ appearance, performanceTable }) => [
      clause('外观', p('对照', xref(appearance), '判定。')),
      clause('性能', p('对照', xref(performanceTable), '判定。')),
    ]);
    expectNoRule(json, id);
  });
  it('accepts clause numbers written in the text (按1.2, 1.1的规定, 见表1)', () => {
    expectNoRule(
      standard(() => [clause('外观', p('目测，结果应符合1.1的规定。')), clause('性能', p('按1.2检验。'))]),
      id,
    );
    expectNoRule(
      standard(() => [clause('外观', p('见1.1.1、1.1.2。')), clause('性能', p('对照表1判定。'))]),
      id,
    );
  });
  it('checks a chapter without clauses as one requirement', () => {
    const tech = chapter('technical-requirements', '技术要求', p('杯体应光洁。'));
    expectRule(doc(tech, chapter('test-methods', '试验方法', p('目测。'))), id);
    const covered = doc(tech, chapter('test-methods', '试验方法', p('目测，对照', xref(idOf(tech)), '判定。')));
    expectNoRule(covered, id);
  });
  it('accepts the clean mini standard', () => {
    expectNoRule(miniStandard(), id);
  });
});

describe('requirements.untested: the link from the requirement to its test method', () => {
  /** 技术要求 (chapter 1) whose clauses are given, then 试验方法 (chapter 2) with 2.1 外观 and 2.2 保温效能, and a normative annex. */
  function forward(requirements: (methods: Record<string, ProseMirrorJSON>) => ProseMirrorJSON[]): ProseMirrorJSON {
    const appearanceMethod = clause('外观', p('在自然光下目测。'));
    const insulationMethod = clause('保温效能', p('注满沸水，6 h后测量水温。'));
    const annexMethod = annex('normative', '密封性试验方法', p('倒置30 min，观察有无渗漏。'));
    const tech = chapter(
      'technical-requirements',
      '技术要求',
      ...requirements({ appearanceMethod, insulationMethod, annexMethod }),
    );
    return doc(tech, chapter('test-methods', '试验方法', appearanceMethod, insulationMethod), annexMethod);
  }

  it('accepts a requirement clause that cross-references its test-method clause', () => {
    const json = forward(({ appearanceMethod, insulationMethod }) => [
      clause('外观', p('杯体应光洁，按', xref(appearanceMethod), '试验。')),
      clause('保温效能', p('6 h后水温应不低于60 ℃，按', xref(insulationMethod), '试验。')),
    ]);
    expectNoRule(json, id);
  });

  it('accepts the 试验方法 column of the requirements table cross-referencing the test methods', () => {
    const json = forward(({ appearanceMethod, insulationMethod, annexMethod }) => [
      clause('外观', p('杯体应光洁，按', xref(appearanceMethod), '试验。')),
      clause(
        '性能',
        p('性能应符合表1的规定。'),
        tableWith('性能要求', [
          ['项目', '要求', '试验方法'],
          ['保温效能', '≥60 ℃', [xref(insulationMethod)]],
          ['密封性', '无渗漏', [xref(annexMethod)]],
        ]),
      ),
    ]);
    expectNoRule(json, id);
  });

  it('accepts test-method numbers written in the requirement (按2.2试验, 见附录A)', () => {
    const json = forward(() => [
      clause('外观', p('杯体应光洁（按2.1检验）。')),
      clause('密封性', p('应无渗漏，试验方法见附录A。')),
    ]);
    expectNoRule(json, id);
  });

  it('still reports a requirement that refers to neither a test method nor is referred to by one', () => {
    const json = forward(({ appearanceMethod }) => [
      clause('外观', p('杯体应光洁，按', xref(appearanceMethod), '试验。')),
      clause('容量', p('实际容量应不小于标称容量的95%，按标称容量标注。')),
    ]);
    expect(expectRule(json, id).map((f) => f.clauseLabel)).toEqual(['1.2']);
  });

  it('does not count a reference to an informative annex or to another requirement', () => {
    const info = annex('informative', '选型指南', p('可参考。'));
    const other = clause('外观', p('杯体应光洁。'));
    const tech = chapter(
      'technical-requirements',
      '技术要求',
      other,
      clause('容量', p('容量见', xref(info), '，并应符合', xref(other), '。')),
    );
    const json = doc(
      tech,
      chapter(
        'test-methods',
        '试验方法',
        clause('外观', p('目测，对照', xref(other), '判定。')),
        clause('其他', p('略。')),
      ),
      info,
    );
    expect(expectRule(json, id).map((f) => f.clauseLabel)).toEqual(['1.2']);
  });
});
