import { describe, expect, it } from 'vitest';
import { NORMATIVE_REFERENCES_LEAD_IN, TERMS_LEAD_IN } from '@shared/editor/structure/fixedSentences.js';
import {
  annex,
  chapter,
  clause,
  doc,
  expectNoRule,
  expectRule,
  foreword,
  idOf,
  p,
  reference,
  table,
  term,
  xref,
} from './build.js';
import { miniStandard } from './miniStandard.js';

describe('structure.required-chapter-missing', () => {
  const id = 'structure.required-chapter-missing';
  it('reports each missing chapter of the Zhejiang Made structure', () => {
    const found = expectRule(doc(chapter('scope', '范围', p('本文件规定了保温杯的要求。'))), id);
    expect(found.map((f) => f.message.zh).join('\n')).toContain('质量承诺');
    expect(found).toHaveLength(8);
    expect(found[0]?.nodeId).toBeNull();
  });
  it('accepts a standard with every required chapter (classification is optional)', () => {
    expectNoRule(miniStandard(), id);
  });
  it('applies to the standard text only', () => {
    expectNoRule(doc(chapter('other', '工作简况', p('略。'))), id, 'explanation');
  });
});

describe('structure.chapter-empty', () => {
  const id = 'structure.chapter-empty';
  it('reports a chapter with a title and nothing else', () => {
    const empty = chapter('marking', '标志、包装、运输和贮存', p(''));
    const [finding] = expectRule(doc(chapter('scope', '范围', p('本文件规定了要求。')), empty), id);
    expect(finding?.nodeId).toBe(idOf(empty));
    expect(finding?.clauseLabel).toBe('2');
  });
  it('accepts chapters with content', () => {
    expectNoRule(doc(chapter('scope', '范围', p('本文件规定了要求。'))), id);
  });
});

describe('structure.chapter-order', () => {
  const id = 'structure.chapter-order';
  it('reports a chapter placed after one that should follow it', () => {
    const basic = chapter('basic-requirements', '基本要求', p('应具备生产能力。'));
    const [finding] = expectRule(
      doc(
        chapter('scope', '范围', p('本文件规定了要求。')),
        chapter('technical-requirements', '技术要求', p('应光洁。')),
        basic,
      ),
      id,
    );
    expect(finding?.nodeId).toBe(idOf(basic));
    expect(finding?.message.zh).toContain('技术要求');
  });
  it('reports scope, normative references and terms that are not chapters 1, 2, 3', () => {
    const found = expectRule(
      doc(chapter('other', '总则', p('略。')), chapter('scope', '范围', p('本文件规定了要求。'))),
      id,
    );
    expect(found[0]?.message.zh).toContain('应为第1章');
  });
  it('accepts the Zhejiang Made order', () => {
    expectNoRule(miniStandard(), id);
  });
});

describe('structure.lone-subclause', () => {
  const id = 'structure.lone-subclause';
  it('reports 5.1 without 5.2', () => {
    const only = clause('外观', p('应光洁。'));
    const [finding] = expectRule(doc(chapter('scope', '范围', only)), id);
    expect(finding?.nodeId).toBe(idOf(only));
    expect(finding?.clauseLabel).toBe('1.1');
  });
  it('reports a lone subclause at a deeper level', () => {
    const found = expectRule(
      doc(chapter('scope', '范围', clause('a', clause('b', p('x。'))), clause('c', p('y。')))),
      id,
    );
    expect(found.map((f) => f.clauseLabel)).toEqual(['1.1.1']);
  });
  it('reports a lone annex clause A.1', () => {
    const [finding] = expectRule(doc(annex('normative', '试验方法', clause('设备', p('温度计。')))), id);
    expect(finding?.clauseLabel).toBe('A.1');
  });
  it('applies to the drafting explanation too', () => {
    expectRule(doc(chapter('other', '工作简况', clause('任务来源', p('略。')))), id, 'explanation');
  });
  it('accepts two or more clauses at each level', () => {
    expectNoRule(doc(chapter('scope', '范围', clause('a', p('x。')), clause('b', p('y。')))), id);
    expectNoRule(miniStandard(), id);
  });
});

describe('structure.hanging-paragraph', () => {
  const id = 'structure.hanging-paragraph';
  it('reports text between a chapter title and its first clause', () => {
    const tech = chapter(
      'technical-requirements',
      '技术要求',
      p('产品应符合本章的要求。'),
      clause('a', p('x。')),
      clause('b', p('y。')),
    );
    const [finding] = expectRule(doc(tech), id);
    expect(finding?.nodeId).toBe(idOf(tech));
    expect(finding?.excerpt).toContain('产品应符合本章的要求');
  });
  it('reports a hanging paragraph in a clause', () => {
    const found = expectRule(
      doc(
        chapter(
          'scope',
          '范围',
          clause('外观', p('总的要求。'), clause('a', p('x。')), clause('b', p('y。'))),
          clause('c', p('z。')),
        ),
      ),
      id,
    );
    expect(found.map((f) => f.clauseLabel)).toEqual(['1.1']);
  });
  it('accepts the fixed lead-in of chapter 3 above clauses of terms', () => {
    const terms = chapter(
      'terms',
      '术语和定义',
      p(TERMS_LEAD_IN),
      clause('通用术语', term('保温杯', 'vacuum cup', '具有真空夹层的杯子。')),
      clause('性能术语', term('保温效能', 'heat retention', '静置后水的温度。')),
    );
    expectNoRule(doc(terms), id);
  });
  it('accepts the lead-in and entries of chapter 2, and sections without subclauses', () => {
    expectNoRule(
      doc(
        chapter(
          'normative-references',
          '规范性引用文件',
          p(NORMATIVE_REFERENCES_LEAD_IN),
          reference('GB/T 191　包装储运图示标志'),
        ),
      ),
      id,
    );
    expectNoRule(miniStandard(), id);
  });
});

describe('structure.clause-too-deep', () => {
  const id = 'structure.clause-too-deep';
  const nest = (levels: number): ReturnType<typeof clause> => {
    let inner = clause(`第${levels}层`, p('x。'));
    for (let level = levels - 1; level >= 1; level--) inner = clause(`第${level}层`, inner);
    return inner;
  };
  it('reports a sixth level below the chapter', () => {
    const [finding] = expectRule(doc(chapter('scope', '范围', nest(6))), id);
    expect(finding?.clauseLabel).toBe('1.1.1.1.1.1.1');
  });
  it('accepts five levels', () => {
    expectNoRule(doc(chapter('scope', '范围', nest(5))), id);
  });
});

describe('structure.foreword-content', () => {
  const id = 'structure.foreword-content';
  it('reports a table in the foreword', () => {
    expectRule(doc(foreword(p('本文件由浙江省质量协会提出并归口。'), table('起草单位'))), id);
  });
  it('reports a clause in the foreword', () => {
    expectRule(doc(foreword(clause('说明', p('略。')))), id);
  });
  it('accepts a foreword of statements', () => {
    expectNoRule(miniStandard(), id);
  });
});

describe('structure.dangling-cross-reference', () => {
  const id = 'structure.dangling-cross-reference';
  it('reports a cross-reference whose target was deleted', () => {
    expectRule(doc(chapter('scope', '范围', p('见', xref('deleted00'), '。'))), id);
  });
  it('accepts resolvable cross-references', () => {
    const target = clause('a', p('x。'));
    expectNoRule(doc(chapter('scope', '范围', target, clause('b', p('见', xref(target), '。')))), id);
  });
});
