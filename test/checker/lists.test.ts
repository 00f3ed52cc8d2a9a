import { describe, expect, it } from 'vitest';
import { chapter, dashList, doc, expectNoRule, expectRule, letterList, p } from './build.js';
import { miniStandard } from './miniStandard.js';

const inScope = (...blocks: ReturnType<typeof p>[]) => doc(chapter('scope', '范围', ...blocks));

describe('lists.too-deep', () => {
  const id = 'lists.too-deep';
  it('reports a third list level', () => {
    const third = dashList(['第三层。']);
    const second = letterList([{ text: '第二层：', sublist: third }], 'number');
    const [finding] = expectRule(inScope(p('下列要求：'), dashList([{ text: '第一层：', sublist: second }])), id);
    expect(finding?.excerpt).toContain('第三层');
  });
  it('accepts two levels', () => {
    expectNoRule(
      inScope(p('下列要求：'), letterList([{ text: '第一层：', sublist: letterList(['第二层。'], 'number') }])),
      id,
    );
    expectNoRule(miniStandard(), id);
  });
});

describe('lists.typed-bullet', () => {
  const id = 'lists.typed-bullet';
  it.each(['•', '·', '●'])('reports paragraphs starting with %s', (bullet) => {
    const [finding] = expectRule(inScope(p(`${bullet}杯体应光洁；`)), id);
    expect(finding?.message.zh).toContain(bullet);
  });
  it('applies to every document kind', () => {
    expectRule(doc(chapter('other', '概述', p('• 略。'))), id, 'application-report');
  });
  it('accepts list nodes and ordinary paragraphs', () => {
    expectNoRule(inScope(p('杯体应光洁。'), dashList(['甲；', '乙。'])), id);
  });
});

describe('lists.style', () => {
  const id = 'lists.style';
  it('reports a bullet list that is not a dash list', () => {
    const [finding] = expectRule(inScope(dashList(['甲；', '乙。'], 'disc')), id);
    expect(finding?.message.zh).toContain('disc');
  });
  it('reports an ordered list with an unknown style', () => {
    expectRule(inScope(letterList(['甲；', '乙。'], 'roman')), id);
  });
  it('accepts dash, letter and number lists', () => {
    expectNoRule(
      inScope(dashList(['甲；', '乙。']), letterList(['甲；', '乙。']), letterList(['甲；', '乙。'], 'number')),
      id,
    );
  });
});
