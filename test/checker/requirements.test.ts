import { describe, expect, it } from 'vitest';
import type { ProseMirrorJSON } from '../../shared/editor/yjsContent.js';
import { chapter, clause, doc, expectNoRule, expectRule, idOf, p, table, xref } from './build.js';
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
  return doc(chapter('technical-requirements', '技术要求', appearance, performance), chapter('test-methods', '试验方法', ...testMethods(parts)));
}

describe('requirements.untested', () => {
  it('reports each leaf requirement no test method refers to', () => {
    const json = standard(({ body }) => [clause('外观', p('目测，对照', xref(body), '判定。')), clause('其他', p('略。'))]);
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
    expectNoRule(standard(() => [clause('外观', p('目测，结果应符合1.1的规定。')), clause('性能', p('按1.2检验。'))]), id);
    expectNoRule(standard(() => [clause('外观', p('见1.1.1、1.1.2。')), clause('性能', p('对照表1判定。'))]), id);
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
