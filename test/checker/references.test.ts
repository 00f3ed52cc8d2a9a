import { describe, expect, it } from 'vitest';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { NORMATIVE_REFERENCES_LEAD_IN } from '@shared/editor/structure/fixedSentences.js';
import {
  bibliography,
  chapter,
  clause,
  doc,
  expectNoRule,
  expectRule,
  foreword,
  idOf,
  note,
  p,
  reference,
  xref,
} from './build.js';
import { miniStandard } from './miniStandard.js';

/** Chapter 2 with the fixed lead-in and the given entries, followed by a body chapter. */
function standardWith(entries: readonly ProseMirrorJSON[], ...body: ProseMirrorJSON[]): ProseMirrorJSON {
  return doc(
    chapter('scope', '范围', p('本文件规定了保温杯的要求。')),
    chapter('normative-references', '规范性引用文件', p(NORMATIVE_REFERENCES_LEAD_IN), ...entries),
    chapter('technical-requirements', '技术要求', ...body),
  );
}

describe('references.cited-not-listed', () => {
  const id = 'references.cited-not-listed';
  it.each([
    ['GB/T 1234', '材料应符合GB/T 1234的规定。'],
    ['GB 4806.9—2016', '金属迁移量应符合GB 4806.9—2016的规定。'],
    ['QB/T 2332', '按QB/T 2332的规定测定。'],
    ['ISO 20712-1:2008', '按ISO 20712-1:2008的规定进行。'],
    ['EN 12546-1', '性能应符合EN 12546-1的要求。'],
    ['T/ZZB 2109—2021', '应符合T/ZZB 2109—2021的规定。'],
  ])('reports %s cited in the text but not listed', (code, text) => {
    const [finding] = expectRule(standardWith([], p(text)), id);
    expect(finding?.message.zh).toContain(code);
    expect(finding?.clauseLabel).toBe('3');
  });
  it('reports each document once, at its first citation', () => {
    expect(expectRule(standardWith([], p('应符合GB/T 1234的规定。'), p('按GB/T 1234的规定测定。')), id)).toHaveLength(
      1,
    );
  });
  it('accepts listed documents', () => {
    expectNoRule(standardWith([reference('GB/T 1234　材料')], p('材料应符合GB/T 1234的规定。')), id);
    expectNoRule(miniStandard(), id);
  });
  it('ignores mentions in the foreword, notes, the bibliography and term sources', () => {
    const json = doc(
      foreword(p('本文件按照GB/T 1.1—2020的规定起草。')),
      chapter('scope', '范围', p('本文件规定了要求。'), note('GB/T 29606中有类似规定。')),
      chapter('normative-references', '规范性引用文件', p('本文件没有规范性引用文件。')),
      chapter('terms', '术语和定义', p('［来源：GB/T 20000.1—2014，3.1］')),
      bibliography(p('［1］GB/T 29606—2013　不锈钢真空杯')),
    );
    expectNoRule(json, id);
  });
});

describe('references.listed-not-cited', () => {
  const id = 'references.listed-not-cited';
  it('reports a listed document that is never cited', () => {
    const unused = reference('GB/T 6388　运输包装收发货标志');
    const [finding] = expectRule(
      standardWith([reference('GB/T 191　包装储运图示标志'), unused], p('应符合GB/T 191的规定。')),
      id,
    );
    expect(finding?.nodeId).toBe(idOf(unused));
    expect(finding?.message.zh).toContain('GB/T 6388');
  });
  it('counts a cross-reference to the entry as a citation', () => {
    const entry = reference('GB/T 191　包装储运图示标志');
    expectNoRule(standardWith([entry], p('应符合', xref(entry), '的规定。')), id);
  });
  it('accepts documents cited in the text', () => {
    expectNoRule(standardWith([reference('ISO 20712-1:2008　Water sports')], p('按ISO 20712-1:2008的规定。')), id);
    expectNoRule(miniStandard(), id);
  });
});

describe('references.order', () => {
  const id = 'references.order';
  const codes = (...list: string[]): ProseMirrorJSON =>
    standardWith(
      list.map((code) => reference(`${code}　文件`)),
      p(`应符合${list.join('、')}的规定。`),
    );
  it.each([
    [['GB/T 191', 'GB 4806.1'], 'GB 4806.1'],
    [['GB/T 2829', 'GB/T 2828.1'], 'GB/T 2828.1'],
    [['GB 4806.11', 'GB 4806.9'], 'GB 4806.9'],
    [['QB/T 2332', 'GB/T 191'], 'GB/T 191'],
    [['ISO 20712-1', 'GB/T 191'], 'GB/T 191'],
    [['T/ZZB 2109', 'DB33/T 1234'], 'DB33/T 1234'],
    [['EN 12546-1', 'IEC 60335-1'], 'IEC 60335-1'],
  ])('reports %j out of order', (list, misplaced) => {
    const [finding] = expectRule(codes(...list), id);
    expect(finding?.message.zh.startsWith(misplaced)).toBe(true);
  });
  it('accepts national, industry, local, group, ISO, IEC, other — each by number', () => {
    expectNoRule(
      codes(
        'GB 4806.1',
        'GB 4806.9',
        'GB 4806.11',
        'GB/T 191',
        'GB/T 2828.1',
        'GB/T 2829',
        'GB/Z 1',
        'JB/T 10',
        'QB/T 2332',
        'DB33/T 1234',
        'T/ZZB 2109',
        'ISO 20712-1',
        'IEC 60335-1',
        'EN 12546-1',
      ),
      id,
    );
  });
});

describe('references.dated-mismatch', () => {
  const id = 'references.dated-mismatch';
  it('reports an undated citation of a dated entry', () => {
    const [finding] = expectRule(
      standardWith([reference('GB/T 2828.1—2012　计数抽样检验程序')], p('按GB/T 2828.1的规定抽样。')),
      id,
    );
    expect(finding?.message.zh).toContain('GB/T 2828.1—2012');
  });
  it('reports a dated citation of an undated entry', () => {
    expectRule(standardWith([reference('GB/T 191　包装储运图示标志')], p('应符合GB/T 191—2008的规定。')), id);
  });
  it('reports a different year', () => {
    expectRule(standardWith([reference('GB/T 9286—2021　划格试验')], p('按GB/T 9286—1998的规定进行。')), id);
  });
  it('accepts consistent citations', () => {
    expectNoRule(
      standardWith(
        [reference('GB/T 191　包装储运图示标志'), reference('GB/T 2828.1—2012　计数抽样检验程序')],
        p('应符合GB/T 191的规定，按GB/T 2828.1—2012的规定抽样。'),
      ),
      id,
    );
    expectNoRule(miniStandard(), id);
  });
});

describe('references.lead-in-missing', () => {
  const id = 'references.lead-in-missing';
  it('reports listed documents without the fixed lead-in', () => {
    expectRule(
      doc(
        chapter(
          'normative-references',
          '规范性引用文件',
          p('本文件引用了下列文件。'),
          reference('GB/T 191　包装储运图示标志'),
        ),
      ),
      id,
    );
  });
  it('reports an empty chapter 2 without the "no references" sentence', () => {
    expectRule(doc(chapter('normative-references', '规范性引用文件', p('无。'))), id);
  });
  it('reports listed documents together with the "no references" sentence', () => {
    expectRule(
      doc(
        chapter(
          'normative-references',
          '规范性引用文件',
          p(NORMATIVE_REFERENCES_LEAD_IN),
          p('本文件没有规范性引用文件。'),
          reference('GB/T 191　包装储运图示标志'),
        ),
      ),
      id,
    );
  });
  it('accepts the fixed lead-in, or the fixed sentence when nothing is referenced', () => {
    expectNoRule(miniStandard(), id);
    expectNoRule(doc(chapter('normative-references', '规范性引用文件', p('本文件没有规范性引用文件。'))), id);
  });
  it('ignores a fixed sentence quoted inside template guidance', () => {
    const json = doc(
      chapter(
        'normative-references',
        '规范性引用文件',
        p(NORMATIVE_REFERENCES_LEAD_IN),
        reference('GB/T 191　包装储运图示标志'),
        p('［没有规范性引用文件时，改为：“本文件没有规范性引用文件。”］'),
      ),
      chapter('scope', '范围', clause('a', p('应符合GB/T 191的规定。')), clause('b', p('x。'))),
    );
    expectNoRule(json, id);
  });
});
