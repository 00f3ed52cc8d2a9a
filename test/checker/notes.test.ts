import { describe, expect, it } from 'vitest';
import { chapter, doc, expectNoRule, expectRule, note, p, table } from './build.js';
import { miniStandard } from './miniStandard.js';

describe('notes.typed-label', () => {
  const id = 'notes.typed-label';
  it('reports a plain paragraph typed as a note', () => {
    const [finding] = expectRule(doc(chapter('scope', '范围', p('本文件规定了要求。'), p('注：容量以升计。'))), id);
    expect(finding?.severity).toBe('warning');
    expect(finding?.excerpt).toContain('注：容量以升计');
  });
  it('reports a note node whose text repeats the label', () => {
    expectRule(doc(chapter('scope', '范围', p('略。'), note('注1：容量以升计。'))), id);
  });
  it('accepts note nodes', () => {
    expectNoRule(doc(chapter('scope', '范围', p('略。'), note('容量以升计。'))), id);
    expectNoRule(miniStandard(), id);
  });
  it('applies to the drafting explanation too', () => {
    expectRule(doc(chapter('other', '工作简况', p('注：略。'))), id, 'explanation');
  });
});

describe('notes.numbering', () => {
  const id = 'notes.numbering';
  it('reports "注1：" on the only note', () => {
    const [finding] = expectRule(doc(chapter('scope', '范围', p('略。'), p('注1：容量以升计。'))), id);
    expect(finding?.message.zh).toContain('应为“注：”');
  });
  it('reports "注：" when there are several notes', () => {
    const found = expectRule(doc(chapter('scope', '范围', p('略。'), p('注：甲。'), p('注：乙。'))), id);
    expect(found.map((f) => f.message.zh).join()).toContain('应为“注2：”');
  });
  it('accepts correctly numbered typed notes and note nodes', () => {
    expectNoRule(doc(chapter('scope', '范围', p('略。'), p('注1：甲。'), p('注2：乙。'))), id);
    expectNoRule(doc(chapter('scope', '范围', p('略。'), p('注：甲。'), table('表题'))), id);
    expectNoRule(miniStandard(), id);
  });
});
