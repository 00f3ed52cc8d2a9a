import { describe, expect, it } from 'vitest';
import { TERMS_LEAD_IN } from '@shared/editor/structure/fixedSentences.js';
import { chapter, clause, doc, expectNoRule, expectRule, foreword, note, p, term } from './build.js';
import { miniStandard } from './miniStandard.js';

const body = (...texts: string[]) => doc(chapter('technical-requirements', '技术要求', ...texts.map((t) => p(t))));

describe('wording.must', () => {
  const id = 'wording.must';
  it('reports 必须', () => {
    const [finding] = expectRule(
      doc(chapter('scope', '范围', clause('a', p('杯体必须光洁。')), clause('b', p('x。')))),
      id,
    );
    expect(finding?.clauseLabel).toBe('1.1');
    expect(finding?.excerpt).toContain('必须');
    expect(finding?.severity).toBe('error');
  });
  it('accepts 应', () => {
    expectNoRule(body('杯体应光洁。'), id);
    expectNoRule(miniStandard(), id);
  });
});

describe('wording.prohibition', () => {
  const id = 'wording.prohibition';
  it.each(['杯体不得有划痕。', '不可使用回收料。'])('reports «%s»', (text) => {
    const [finding] = expectRule(body(text), id);
    expect(finding?.severity).toBe('warning');
  });
  it('accepts 不应 and words that merely contain 不可', () => {
    expectNoRule(body('杯体不应有划痕。', '密封是必不可少的环节。', '该变形不可逆。'), id);
    expectNoRule(miniStandard(), id);
  });
});

const termsWith = (definition: string, ...notes: ReturnType<typeof note>[]) =>
  doc(chapter('terms', '术语和定义', p(TERMS_LEAD_IN), term('保温杯', 'vacuum cup', definition, ...notes)));

describe('wording.modal-in-definition', () => {
  const id = 'wording.modal-in-definition';
  it.each(['内胆应采用不锈钢的杯子。', '宜用于盛装饮用水的杯子。', '可以盛装热水的杯子。', '必须带盖的杯子。'])(
    'reports «%s»',
    (definition) => {
      const [finding] = expectRule(termsWith(definition), id);
      expect(finding?.clauseLabel).toBe('1.1');
    },
  );
  it('accepts descriptions, including words such as 供应, 相应, 适宜, 可靠', () => {
    expectNoRule(termsWith('由供应商提供、与相应容量适宜、密封可靠的杯子。'), id);
    expectNoRule(miniStandard(), id);
  });
});

describe('wording.modal-in-note', () => {
  const id = 'wording.modal-in-note';
  it('reports a requirement in a note', () => {
    const [finding] = expectRule(
      doc(chapter('scope', '范围', p('本文件规定了要求。'), note('试验时宜使用去离子水。'))),
      id,
    );
    expect(finding?.message.zh).toContain('宜');
  });
  it('reports a requirement in a note of a term entry', () => {
    expectRule(termsWith('具有真空夹层的杯子。', note('容量应以升计。')), id);
  });
  it('accepts statements of fact (能, 可能)', () => {
    expectNoRule(doc(chapter('scope', '范围', p('本文件规定了要求。'), note('温度计可能受环境影响。'))), id);
    expectNoRule(miniStandard(), id);
  });
});

describe('wording.modal-in-example', () => {
  const id = 'wording.modal-in-example';
  it('reports a provision in an example', () => {
    expectRule(body('示例：标志可采用激光刻印。'), id);
  });
  it('accepts an example without provisions, and provisions outside examples', () => {
    expectNoRule(body('示例：激光刻印的商标。', '标志可采用激光刻印。'), id);
  });
});

describe('wording.requirement-in-foreword', () => {
  const id = 'wording.requirement-in-foreword';
  it('reports a requirement in the foreword', () => {
    const [finding] = expectRule(doc(foreword(p('使用本文件的企业应建立质量追溯制度。'))), id);
    expect(finding?.clauseLabel).toBe('前言');
    expect(finding?.nodeId).toBeNull();
  });
  it('reports 必须 in the foreword', () => {
    expectRule(doc(foreword(p('本文件必须与GB/T 191配合使用。'))), id);
  });
  it('accepts the fixed statements of the foreword', () => {
    expectNoRule(miniStandard(), id);
  });
});
