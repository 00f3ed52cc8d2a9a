import { describe, expect, it } from 'vitest';
import { annex, chapter, clause, doc, expectNoRule, expectRule, figure, idOf, p, table, xref } from './build.js';
import { miniStandard } from './miniStandard.js';

describe('tables.caption-empty', () => {
  const id = 'tables.caption-empty';
  it('reports a table without a title', () => {
    const untitled = table('');
    const [finding] = expectRule(doc(chapter('scope', '范围', p('见表1。'), untitled)), id);
    expect(finding?.nodeId).toBe(idOf(untitled));
    expect(finding?.message.zh).toContain('表1');
  });
  it('accepts titled tables', () => {
    expectNoRule(miniStandard(), id);
  });
});

describe('figures.caption-empty', () => {
  const id = 'figures.caption-empty';
  it('reports a figure without a title', () => {
    expectRule(doc(chapter('scope', '范围', p('见图1。'), figure(''))), id);
  });
  it('accepts titled figures', () => {
    expectNoRule(miniStandard(), id);
  });
});

describe('tables.uncited', () => {
  const id = 'tables.uncited';
  it('reports a table the text never mentions', () => {
    const uncited = table('性能要求');
    const [finding] = expectRule(doc(chapter('scope', '范围', p('性能应符合表10的规定。'), uncited)), id);
    expect(finding?.nodeId).toBe(idOf(uncited));
    expect(finding?.message.zh).toContain('表1“性能要求”');
  });
  it('does not count a mention inside the table itself', () => {
    expectRule(doc(chapter('scope', '范围', p('略。'), table('性能要求', ['见表1注']))), id);
  });
  it('reports a table in an annex (表A.1)', () => {
    const [finding] = expectRule(doc(annex('normative', '试验', p('略。'), table('数据'))), id);
    expect(finding?.message.zh).toContain('表A.1');
  });
  it('accepts a table cited by its number or by a cross-reference', () => {
    expectNoRule(doc(chapter('scope', '范围', p('性能应符合表1的规定。'), table('性能要求'))), id);
    expectNoRule(doc(annex('normative', '试验', p('结果记入表A.1。'), table('数据'))), id);
    expectNoRule(miniStandard(), id);
  });
});

describe('figures.uncited', () => {
  const id = 'figures.uncited';
  it('reports a figure the text never mentions', () => {
    expectRule(doc(chapter('scope', '范围', p('略。'), figure('示意图'))), id);
  });
  it('accepts a cited figure', () => {
    expectNoRule(doc(chapter('scope', '范围', p('结构见图1。'), figure('示意图'))), id);
    const cited = figure('示意图');
    expectNoRule(doc(chapter('scope', '范围', p('结构见', xref(cited), '。'), cited)), id);
  });
});

describe('annexes.uncited', () => {
  const id = 'annexes.uncited';
  it('reports an annex the body never cites', () => {
    const a = annex('informative', '试验数据', p('数据。'));
    const [finding] = expectRule(doc(chapter('scope', '范围', p('略。')), a), id);
    expect(finding?.nodeId).toBe(idOf(a));
    expect(finding?.clauseLabel).toBe('附录A');
  });
  it('accepts an annex cited by its letter or by a cross-reference', () => {
    expectNoRule(doc(chapter('scope', '范围', p('按附录A的规定。')), annex('normative', '试验', p('x。'))), id);
    expectNoRule(miniStandard(), id);
  });
});

describe('annexes.order', () => {
  const id = 'annexes.order';
  it('reports annexes not lettered in the order of their first citation', () => {
    const a = annex('normative', '甲', p('x。'));
    const b = annex('normative', '乙', p('y。'));
    const json = doc(
      chapter('scope', '范围', clause('a', p('按', xref(b), '的规定。')), clause('b', p('按', xref(a), '的规定。'))),
      a,
      b,
    );
    const [finding] = expectRule(json, id);
    expect(finding?.nodeId).toBe(idOf(b));
    expect(finding?.message.zh).toContain('附录B在正文中首次引用（1.1）早于附录A（1.2）');
  });
  it('accepts annexes in the order of first citation', () => {
    const json = doc(
      chapter('scope', '范围', p('按附录A和附录B的规定。')),
      annex('normative', '甲', p('x。')),
      annex('normative', '乙', p('y。')),
    );
    expectNoRule(json, id);
  });
});
