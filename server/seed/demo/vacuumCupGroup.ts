/**
 * The drafting group of the main demo project (轻量化不锈钢真空保温杯): units with what each
 * contributes and the main drafters with their tasks. The project's template input, the foreword
 * and the tables of the drafting explanation are all derived from this one list.
 */
import type { DemoOrganizationKey } from './organizations.js';

export interface DraftingUnit {
  organizationKey: DemoOrganizationKey;
  /** 起草组中的身份, as printed in the drafting explanation. */
  role: string;
  work: string;
}

export interface Drafter {
  name: string;
  organizationKey: DemoOrganizationKey;
  position: string;
  task: string;
}

/** The lead unit first, then the participating units in the order they joined. */
export const VACUUM_CUP_UNITS: readonly DraftingUnit[] = [
  {
    organizationKey: 'lead-manufacturer',
    role: '牵头起草单位',
    work: '提出标准框架和关键技术指标，组织试验验证和生产实施验证，起草标准文本、编制说明和实施应用报告',
  },
  {
    organizationKey: 'peer-company',
    role: '参与起草单位（同类企业）',
    work: '提供同类产品生产和质量数据，参与质量容量比、保温效能分档等指标的论证和比对试验',
  },
  {
    organizationKey: 'steel-supplier',
    role: '参与起草单位（上游企业）',
    work: '提供06Cr19Ni10、06Cr17Ni12Mo2冷轧精密带材的成分和性能数据，参与原材料要求的制定',
  },
  {
    organizationKey: 'testing-institute',
    role: '参与起草单位（检验检测机构）',
    work: '负责试验方法的验证和比对检测，起草附录A，出具验证检验报告',
  },
  {
    organizationKey: 'certification-body',
    role: '参与起草单位（认证认可机构）',
    work: '参与检验规则和质量承诺的制定，提出与“浙江制造”认证衔接的建议',
  },
];

export const VACUUM_CUP_DRAFTERS: readonly Drafter[] = [
  {
    name: '陈建华',
    organizationKey: 'lead-manufacturer',
    position: '技术中心主任／高级工程师',
    task: '起草组组长，负责标准总体策划、关键技术指标确定和标准文本统稿',
  },
  {
    name: '应立新',
    organizationKey: 'lead-manufacturer',
    position: '工艺部经理／工程师',
    task: '负责基本要求中工艺装备条款的起草和旋薄成型工艺验证',
  },
  {
    name: '楼海峰',
    organizationKey: 'lead-manufacturer',
    position: '质量部主管／工程师',
    task: '负责检验规则的起草、生产实施验证数据汇总，编写编制说明和实施应用报告',
  },
  {
    name: '王晓燕',
    organizationKey: 'peer-company',
    position: '质量管理部经理／工程师',
    task: '负责同类产品比对数据收集，参与技术要求的论证',
  },
  {
    name: '李振宇',
    organizationKey: 'testing-institute',
    position: '检测室主任／高级工程师',
    task: '负责试验方法的验证和附录A的起草',
  },
  {
    name: '周敏',
    organizationKey: 'steel-supplier',
    position: '技术质量部经理／工程师',
    task: '负责原材料要求的起草和材料数据的提供',
  },
  {
    name: '吕思远',
    organizationKey: 'certification-body',
    position: '认证部主管／工程师',
    task: '负责质量承诺条款的起草',
  },
];
