import { describe, expect, it } from 'vitest';
import { bibliography, chapter, doc, expectNoRule, expectRule, p, table } from './build.js';
import { miniStandard } from './miniStandard.js';

const id = 'placeholders.template-text';

describe('placeholders.template-text', () => {
  it('reports template guidance in full-width brackets', () => {
    const [finding] = expectRule(doc(chapter('scope', '范围', p('本文件适用于［在此填写适用的产品范围］。'))), id);
    expect(finding?.clauseLabel).toBe('1');
    expect(finding?.excerpt).toContain('［在此填写适用的产品范围］');
  });
  it('reports "在此填写" without brackets', () => {
    expectRule(doc(chapter('scope', '范围', p('在此填写适用范围'))), id);
  });
  it('reports a table full of placeholders once', () => {
    const found = expectRule(
      doc(chapter('scope', '范围', p('见表1。'), table('数据', ['［填写］', '［填写］', '［填写］']))),
      id,
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.message.zh).toContain('等3处');
  });
  it('applies to the drafting explanation and the application report', () => {
    expectRule(doc(chapter('other', '工作简况', p('［填写年度及批次］'))), id, 'explanation');
    expectRule(doc(chapter('other', '概述', p('［在此填写验证时间］'))), id, 'application-report');
  });
  it('accepts bibliography numbers and term sources', () => {
    expectNoRule(
      doc(
        chapter('terms', '术语和定义', p('［来源：GB/T 20000.1—2014，3.1］')),
        bibliography(p('［1］GB/T 29606—2013　不锈钢真空杯')),
      ),
      id,
    );
    expectNoRule(miniStandard(), id);
  });
});
