/**
 * Indicator links: the standard text's table cells carry stable ids, the demo explanation's comparison
 * table links its "本标准" column to them, and every link resolves to the value the standard requires.
 */
import { describe, expect, it } from 'vitest';
import { computeNumbering } from '@shared/editor/structure/numbering.js';
import { indicatorValues, numberedTables, tableGrid } from '@shared/editor/structure/tableCells.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { walk } from '@shared/editor/builders/index.js';
import { demoProjects } from '../../server/seed/demo/index.js';
import { VACUUM_CUP_STANDARD_CELLS } from '../../server/seed/demo/standardContent.js';

const vacuumCup = demoProjects.find((p) => p.key === 'vacuum-cup');
if (!vacuumCup) throw new Error('demo project missing');
const standard = vacuumCup.content.standard;
const explanation = vacuumCup.content.explanation;
const tables = numberedTables(standard, computeNumbering(standard));
const values = indicatorValues(tables);

function indicatorTargets(doc: ProseMirrorJSON): string[] {
  const targets: string[] = [];
  walk(doc, (node) => {
    if (node.type === 'indicatorRef' && typeof node.attrs?.targetId === 'string') targets.push(node.attrs.targetId);
  });
  return targets;
}

describe('table cells of the standard text', () => {
  it('gives every cell of every table a unique id', () => {
    const ids: string[] = [];
    walk(standard, (node) => {
      if (node.type === 'tableCell' || node.type === 'tableHeader') ids.push(String(node.attrs?.id ?? ''));
    });
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.every((id) => /^[A-Za-z0-9_-]{8,}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads the numbered tables with labels, captions and cross-references as their numbers', () => {
    expect(tables.map((t) => `${t.label} ${t.caption}`)).toEqual(
      expect.arrayContaining(['表1 性能要求', '表2 不锈钢部件金属迁移限量']),
    );
    const performance = tables.find((t) => t.label === '表1');
    // The test-method column shows the clause numbers it cross-references.
    expect(performance?.rows[1]?.map((c) => c.text)).toEqual([
      '1',
      '容量偏差',
      '实际容量与公称容量的偏差在±3%以内',
      '6.4',
    ]);
  });

  it('names a value by its table and row, through merged cells', () => {
    expect(values[VACUUM_CUP_STANDARD_CELLS.heatMid]).toEqual({ text: '≥72', place: '表1 保温效能/℃ 0.35≤V＜0.6' });
    expect(values[VACUUM_CUP_STANDARD_CELLS.nickel]).toEqual({ text: '≤0.14', place: '表2 镍（以Ni计）' });
  });

  it('lays merged cells out as a grid', () => {
    const a = { id: 'a', text: 'a', header: false, colspan: 1, rowspan: 2 };
    const b = { id: 'b', text: 'b', header: false, colspan: 2, rowspan: 1 };
    const c = { id: 'c', text: 'c', header: false, colspan: 1, rowspan: 1 };
    const d = { id: 'd', text: 'd', header: false, colspan: 1, rowspan: 1 };
    expect(
      tableGrid([
        [a, b],
        [c, d],
      ]).map((row) => row.map((cell) => cell.id)),
    ).toEqual([
      ['a', 'b', 'b'],
      ['a', 'c', 'd'],
    ]);
  });
});

describe('the comparison table of the drafting explanation', () => {
  it('links its "本标准" column to the standard text, and every link resolves', () => {
    const targets = indicatorTargets(explanation);
    expect(targets.length).toBeGreaterThanOrEqual(9);
    for (const target of targets) expect(values[target], target).toBeDefined();
    expect(targets.map((t) => values[t]?.text)).toEqual(
      expect.arrayContaining(['≥72', '≤10', '≤0.42', '≤0.14', '≤0.01']),
    );
  });
});
