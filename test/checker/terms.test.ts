import { describe, expect, it } from 'vitest';
import { TERMS_LEAD_IN } from '@shared/editor/structure/fixedSentences.js';
import { chapter, doc, expectNoRule, expectRule, idOf, p, term, xref } from './build.js';
import { miniStandard } from './miniStandard.js';

describe('terms.unused', () => {
  const id = 'terms.unused';
  it('reports a defined term that the text never uses', () => {
    const entry = term('质量容量比', 'mass-to-capacity ratio', '空杯质量与公称容量的比值。');
    const [finding] = expectRule(
      doc(
        chapter('scope', '范围', p('本文件规定了保温杯的要求。')),
        chapter('terms', '术语和定义', p(TERMS_LEAD_IN), entry),
      ),
      id,
    );
    expect(finding?.nodeId).toBe(idOf(entry));
    expect(finding?.clauseLabel).toBe('2.1');
    expect(finding?.message.zh).toContain('质量容量比');
  });
  it('does not count the term inside its own entry', () => {
    expectRule(
      doc(chapter('terms', '术语和定义', p(TERMS_LEAD_IN), term('保温杯', 'vacuum cup', '保温杯是一种容器。'))),
      id,
    );
  });
  it('accepts a term used in the text or cross-referenced', () => {
    expectNoRule(miniStandard(), id);
    const entry = term('保温效能', 'heat retention', '静置后水的温度。');
    expectNoRule(
      doc(
        chapter('terms', '术语和定义', p(TERMS_LEAD_IN), entry),
        chapter('scope', '范围', p('见', xref(entry), '。')),
      ),
      id,
    );
  });
});

describe('terms.entry-incomplete', () => {
  const id = 'terms.entry-incomplete';
  it('reports a term without its English equivalent', () => {
    const [finding] = expectRule(
      doc(chapter('terms', '术语和定义', p(TERMS_LEAD_IN), term('保温杯', '', '具有真空夹层的杯子。'))),
      id,
    );
    expect(finding?.message.zh).toContain('英文对应词');
    expect(finding?.message.zh).toContain('保温杯');
  });
  it('reports a term without a definition', () => {
    const [finding] = expectRule(
      doc(chapter('terms', '术语和定义', p(TERMS_LEAD_IN), term('保温杯', 'vacuum cup', ''))),
      id,
    );
    expect(finding?.message.zh).toContain('定义');
  });
  it('accepts complete entries', () => {
    expectNoRule(miniStandard(), id);
  });
});

describe('terms.lead-in-missing', () => {
  const id = 'terms.lead-in-missing';
  it('reports term entries without the lead-in sentence', () => {
    expectRule(doc(chapter('terms', '术语和定义', term('保温杯', 'vacuum cup', '具有真空夹层的杯子。'))), id);
  });
  it('reports an empty chapter 3 without the fixed sentence', () => {
    expectRule(doc(chapter('terms', '术语和定义', p('无。'))), id);
  });
  it('accepts the lead-in, its variant citing another document, or the "no terms" sentence', () => {
    expectNoRule(miniStandard(), id);
    expectNoRule(
      doc(
        chapter(
          'terms',
          '术语和定义',
          p('GB/T 2900.1界定的以及下列术语和定义适用于本文件。'),
          term('保温杯', 'vacuum cup', '杯子。'),
        ),
      ),
      id,
    );
    expectNoRule(doc(chapter('terms', '术语和定义', p('本文件没有需要界定的术语和定义。'))), id);
  });
});
