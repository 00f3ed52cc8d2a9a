import { describe, expect, it } from 'vitest';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { chapter, clause, cover, doc, expectNoRule, expectRule, foreword, p, table } from './build.js';
import { miniStandard } from './miniStandard.js';

const bareTableOf = (...cells: string[]): ProseMirrorJSON => ({
  type: 'table',
  content: [
    {
      type: 'tableRow',
      content: cells.map((c) => ({
        type: 'tableCell',
        attrs: { colspan: 1, rowspan: 1, colwidth: null },
        content: [p(c)],
      })),
    },
  ],
});
const heading = (text: string, level = 2): ProseMirrorJSON => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});

describe('structure.bare-table', () => {
  const id = 'structure.bare-table';
  it('reports a table outside a table block, in the standard and the drafting explanation', () => {
    const json = doc(
      chapter('technical-requirements', '技术要求', clause('性能', p('性能应符合下表。'), bareTableOf('项目', '要求'))),
    );
    const [finding] = expectRule(json, id);
    expect(finding?.severity).toBe('error');
    expect(finding?.clauseLabel).toBe('1.1');
    expect(finding?.message.zh).toContain('表号');
    expectRule(
      doc(chapter('other', '工作简况', bareTableOf('单位')), chapter('other', '其他', p('无。'))),
      id,
      'explanation',
    );
  });
  it('accepts a numbered table block with its title', () => {
    expectNoRule(doc(chapter('technical-requirements', '技术要求', p('性能应符合表1的规定。'), table('性能要求'))), id);
    expectNoRule(miniStandard(), id);
  });
});

describe('structure.heading', () => {
  const id = 'structure.heading';
  it('reports a free heading in the text', () => {
    const json = doc(chapter('technical-requirements', '技术要求', heading('外观'), p('杯体应光洁。')));
    const [finding] = expectRule(json, id);
    expect(finding?.severity).toBe('warning');
    expect(finding?.excerpt).toBe('外观');
  });
  it('accepts clauses', () => {
    expectNoRule(
      doc(
        chapter(
          'technical-requirements',
          '技术要求',
          clause('外观', p('杯体应光洁。')),
          clause('容量', p('应符合标称。')),
        ),
      ),
      id,
    );
    expectNoRule(miniStandard(), id);
  });
});

describe('structure.typed-number', () => {
  const id = 'structure.typed-number';
  const inTech = (...blocks: ProseMirrorJSON[]) => doc(chapter('technical-requirements', '技术要求', ...blocks));
  it('reports a paragraph starting with a typed clause number', () => {
    for (const text of ['5.1 外观', '5.1.2', '5.1　杯体应光洁。', 'A.1 试验装置']) {
      const [finding] = expectRule(inTech(p(text)), id);
      expect(finding?.message.zh, text).toContain('不要手工输入');
    }
  });
  it('reports a typed table or figure caption', () => {
    const [table1] = expectRule(inTech(p('表1 性能要求')), id);
    expect(table1?.message.zh).toContain('“表1”');
    expectRule(inTech(p('图A.1　结构示意图')), id);
    expectRule(doc(foreword(p('表1')), chapter('scope', '范围', p('本文件规定了保温杯的要求。'))), id);
  });
  it('accepts decimals, running text that mentions a table and computed numbers', () => {
    expectNoRule(
      inTech(
        p('1.5 L的保温杯应符合表1的规定。'),
        p('表1 中的数值为最小值，试验按6.2进行。'),
        p('0.5 mm以下的划痕不计。'),
      ),
      id,
    );
    expectNoRule(inTech(clause('外观', p('杯体应光洁。')), clause('容量', p('应符合标称。'))), id);
    expectNoRule(
      doc(cover({ standardNumber: 'T/ZZB 0123—2026' }), chapter('scope', '范围', p('本文件规定了要求。'))),
      id,
    );
    expectNoRule(miniStandard(), id);
  });
});
