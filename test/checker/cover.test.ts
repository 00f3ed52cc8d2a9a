import { describe, expect, it } from 'vitest';
import { COMPLETE_COVER, chapter, cover, doc, expectNoRule, expectRule, p } from './build.js';

const withCover = (attrs: Parameters<typeof cover>[0]) =>
  doc(cover(attrs), chapter('scope', '范围', p('本文件规定了要求。')));

describe('cover.field-missing', () => {
  const id = 'cover.field-missing';
  it.each([
    ['ics', 'ICS'],
    ['ccs', 'CCS'],
    ['standardNumber', '标准编号'],
    ['titleZh', '中文名称'],
    ['titleEn', '英文名称'],
    ['publicationDate', '发布日期'],
    ['implementationDate', '实施日期'],
    ['publisher', '发布机构'],
  ] as const)('reports an empty %s', (field, name) => {
    const [finding] = expectRule(withCover({ [field]: '' }), id);
    expect(finding?.message.zh).toContain(name);
    expect(finding?.clauseLabel).toBe('封面');
  });
  it('reports an unassigned number (T/ZZB XXXX—2026)', () => {
    expectRule(withCover({ standardNumber: 'T/ZZB XXXX—2026' }), id);
  });
  it('reports a standard text without a cover', () => {
    expectRule(doc(chapter('scope', '范围', p('略。'))), id);
  });
  it('accepts a complete cover (registration number and stage are not required)', () => {
    expectNoRule(withCover({ ...COMPLETE_COVER, registrationNumber: '' }), id);
  });
  it('does not apply to the drafting explanation', () => {
    expectNoRule(doc(chapter('other', '工作简况', p('略。'))), id, 'explanation');
  });
});

describe('cover.standard-number-malformed', () => {
  const id = 'cover.standard-number-malformed';
  it('reports a hyphen instead of the em dash before the year', () => {
    const [finding] = expectRule(withCover({ standardNumber: 'T/ZZB 0123-2026' }), id);
    expect(finding?.message.zh).toContain('一字线');
  });
  it.each(['ZZB 0123—2026', 'T/ZZB 123—2026', 'T/ZZB0123—2026', 'T/ZZB 0123'])('reports «%s»', (standardNumber) => {
    expectRule(withCover({ standardNumber }), id);
  });
  it.each(['T/ZZB 0123—2026', 'DB33/T 1234—2026', 'Q/HC 001—2026'])('accepts «%s»', (standardNumber) => {
    expectNoRule(withCover({ standardNumber }), id);
  });
  it('leaves empty and unassigned numbers to cover.field-missing', () => {
    expectNoRule(withCover({ standardNumber: '' }), id);
    expectNoRule(withCover({ standardNumber: 'T/ZZB XXXX—2026' }), id);
  });
});
