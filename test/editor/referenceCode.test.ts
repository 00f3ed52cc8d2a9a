import { describe, expect, it } from 'vitest';
import { parseReferenceCode } from '@shared/editor/structure/referenceCode.js';

describe('parseReferenceCode', () => {
  it.each([
    [
      'GB/T 4806.9—2016 食品安全国家标准 食品接触用金属材料及制品',
      'GB/T 4806.9',
      '2016',
      'GB/T 4806.9—2016',
      'national',
      '食品安全国家标准 食品接触用金属材料及制品',
    ],
    ['GB 4806.1 食品安全国家标准', 'GB 4806.1', null, 'GB 4806.1', 'national', '食品安全国家标准'],
    ['QB/T 2332—2017 不锈钢真空保温容器', 'QB/T 2332', '2017', 'QB/T 2332—2017', 'industry', '不锈钢真空保温容器'],
    ['ISO 20712-1:2008 Water safety signs', 'ISO 20712-1', '2008', 'ISO 20712-1:2008', 'iso', 'Water safety signs'],
    [
      'EN 12546-1:2000 Materials and articles in contact with foodstuffs',
      'EN 12546-1',
      '2000',
      'EN 12546-1:2000',
      'other',
      'Materials and articles in contact with foodstuffs',
    ],
    [
      'IEC 60335-1 Household and similar electrical appliances',
      'IEC 60335-1',
      null,
      'IEC 60335-1',
      'iec',
      'Household and similar electrical appliances',
    ],
    ['GB/T 1.1—2020　标准化工作导则', 'GB/T 1.1', '2020', 'GB/T 1.1—2020', 'national', '标准化工作导则'],
    ['T/ZZB 2109—2021 电动自行车', 'T/ZZB 2109', '2021', 'T/ZZB 2109—2021', 'group', '电动自行车'],
    ['DB33/T 1234-2019 地方标准', 'DB33/T 1234', '2019', 'DB33/T 1234—2019', 'local', '地方标准'],
    [
      'ISO/IEC 17025:2017 General requirements',
      'ISO/IEC 17025',
      '2017',
      'ISO/IEC 17025:2017',
      'iso',
      'General requirements',
    ],
  ])('%s', (text, code, year, designation, category, title) => {
    expect(parseReferenceCode(text)).toMatchObject({ code, year, dated: year !== null, designation, category, title });
  });

  it('keeps part numbers of international standards apart from years', () => {
    expect(parseReferenceCode('IEC 60335-2-15 Particular requirements')).toMatchObject({
      code: 'IEC 60335-2-15',
      year: null,
    });
  });

  it('returns null when the text does not start with a designation', () => {
    expect(parseReferenceCode('食品安全国家标准')).toBeNull();
    expect(parseReferenceCode('')).toBeNull();
  });
});
