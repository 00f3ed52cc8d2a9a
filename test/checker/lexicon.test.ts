/** The text lexicons under the rules: verbal forms and standard designations. */
import { describe, expect, it } from 'vitest';
import { findModals, findProhibitions } from '@shared/checker/modals.js';
import { findMentions } from '@shared/checker/standardCodes.js';
import { compareDesignations, parseDesignation } from '@shared/editor/structure/designations.js';

describe('findModals', () => {
  it.each([
    ['杯体应光洁。', '应'],
    ['杯体不应有划痕。', '不应'],
    ['宜采用不锈钢。', '宜'],
    ['不宜盛装碳酸饮料。', '不宜'],
    ['可采用激光刻印。', '可'],
    ['可以委托检验。', '可'],
    ['不必重复试验。', '不必'],
    ['必须密封。', '必须'],
    ['不得松动。', '不得'],
  ])('finds the verbal form in «%s»', (text, word) => {
    expect(findModals(text)[0]?.word).toBe(word);
  });
  it.each([
    '由供应商提供。',
    '相应的容量。',
    '与之对应的温度。',
    '化学反应。',
    '响应时间。',
    '适宜的温度。',
    '有关事宜。',
    '可靠的密封。',
    '可能影响结果。',
    '认可的机构。',
    '必不可少的条款。',
    '不可逆的变形。',
    '应用领域。',
  ])('finds nothing in «%s»', (text) => {
    expect(findModals(text)).toEqual([]);
  });
});

describe('findProhibitions', () => {
  it('finds 不得 and 不可 but not 必不可少 or 不可逆', () => {
    expect(findProhibitions('不得松动，不可使用回收料。').map((m) => m.word)).toEqual(['不得', '不可']);
    expect(findProhibitions('必不可少；不可逆；不得不。')).toEqual([]);
  });
});

describe('standard designations', () => {
  it('finds designations in running Chinese text', () => {
    const text =
      '应符合GB/T 20878中06Cr19Ni10的规定，按GB 31604.1和GB 4806.9—2016规定的条件，见ISO 20712-1:2008、EN 12546-1、QB/T 2332及ASTM F2023。';
    expect(findMentions(text).map((m) => m.designation.designation)).toEqual([
      'GB/T 20878',
      'GB 31604.1',
      'GB 4806.9—2016',
      'ISO 20712-1:2008',
      'EN 12546-1',
      'QB/T 2332',
      'ASTM F2023',
    ]);
  });
  it('ignores units, grades and abbreviations', () => {
    expect(findMentions('聚丙烯（PP）材料，AQL为1.0，特殊检验水平S-3，真空度优于5×10⁻³ Pa，06Cr19Ni10。')).toEqual([]);
  });
  it('reads a hyphen before the year of a Chinese standard as the year separator', () => {
    const d = parseDesignation('GB/T 1234-2020');
    expect(d?.dated).toBe(true);
    expect(d?.designation).toBe('GB/T 1234—2020');
  });
  it('orders national (GB, GB/T, GB/Z), industry, local, group, ISO, IEC, other; then by number', () => {
    const sorted = [
      'EN 1',
      'IEC 2',
      'ISO 3',
      'T/ZZB 4',
      'DB33/T 5',
      'QB/T 6',
      'GB/Z 7',
      'GB/T 2829',
      'GB/T 2828.1',
      'GB 4806.11',
      'GB 4806.9',
    ]
      .map((code) => parseDesignation(code))
      .filter((d) => d !== null)
      .sort(compareDesignations)
      .map((d) => d.code);
    expect(sorted).toEqual([
      'GB 4806.9',
      'GB 4806.11',
      'GB/T 2828.1',
      'GB/T 2829',
      'GB/Z 7',
      'QB/T 6',
      'DB33/T 5',
      'T/ZZB 4',
      'ISO 3',
      'IEC 2',
      'EN 1',
    ]);
  });
});
