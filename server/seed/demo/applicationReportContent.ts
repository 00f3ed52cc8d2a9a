/**
 * The implementation/application report (实施应用报告) of the main demo project: production
 * verification of three sizes in five batches, with one failed batch and its corrective action.
 */
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import {
  cellOf,
  chapter,
  clause,
  crossRef,
  dashList,
  idsFor,
  paragraph,
  paragraphs,
  structuredDoc,
  type CellInput,
} from '@shared/editor/builders/index.js';
import {
  APPLICATION_REPORT_ID_KEYS,
  APPLICATION_REPORT_SECTIONS,
  APPLICATION_REPORT_TABLE_CAPTIONS,
  BATCH_TABLE_COLUMNS,
  CONFORMITY_TABLE_COLUMNS,
} from '../../documents/templates/applicationReportTemplate.js';
import { columnsTable, documentHeader } from '../../documents/templates/explanationTemplate.js';
import type { DemoContentContext } from './context.js';
import { demoOrganization } from './organizations.js';
import { VACUUM_CUP_STANDARD_IDS as STD } from './standardContent.js';

/** The id scope of the demo application report. */
export const VACUUM_CUP_APPLICATION_REPORT_SCOPE = 'vacuum-cup/application-report';

/** Deterministic ids of the demo application report's cross-referenced nodes. */
export const VACUUM_CUP_APPLICATION_REPORT_IDS = idsFor(
  VACUUM_CUP_APPLICATION_REPORT_SCOPE,
  APPLICATION_REPORT_ID_KEYS,
);

/** A "标准要求" cell: cross-document references into the standard text, then the requirement. */
const requirement = (...content: (string | ProseMirrorJSON)[]): CellInput => cellOf(content);
const std = crossRef;

/** Verification batches. */
function batchRows(testingBody: string): CellInput[][] {
  return [
    [
      '1',
      'HC-L350／0.35 L',
      'HC260218-01',
      '2026-02-18',
      '6 000只',
      '出厂200只，型式9只',
      `${testingBody} YJ2026-W0312`,
      '合格',
    ],
    [
      '2',
      'HC-L500／0.5 L',
      'HC260224-03',
      '2026-02-24',
      '8 000只',
      '出厂200只，型式9只',
      `${testingBody} YJ2026-W0313`,
      '合格',
    ],
    [
      '3',
      'HC-L750／0.75 L',
      'HC260227-01',
      '2026-02-27',
      '5 000只',
      '出厂200只，型式9只',
      `${testingBody} YJ2026-W0319`,
      '不合格（耐冲击性）',
    ],
    [
      '4',
      'HC-L500／0.5 L',
      'HC260302-02',
      '2026-03-02',
      '8 000只',
      '出厂200只，型式9只',
      `${testingBody} YJ2026-W0327`,
      '合格',
    ],
    [
      '5',
      'HC-L750／0.75 L',
      'HC260305-01',
      '2026-03-05',
      '5 000只',
      '出厂200只，型式9只',
      `${testingBody} YJ2026-W0328`,
      '合格',
    ],
  ];
}

/** Test results against each requirement of the standard (the standard's clauses and tables by crossRef). */
const CONFORMITY_ROWS: readonly (readonly CellInput[])[] = [
  ['1', '外观', requirement(std(STD.appearance)), '杯体、焊缝、涂层和杯盖均符合要求', '符合'],
  [
    '2',
    '材料',
    requirement(std(STD.materialsSteel), '：06Cr17Ni12Mo2，锰≤2.0%'),
    '内胆为06Cr17Ni12Mo2，锰1.12%～1.36%',
    '符合',
  ],
  ['3', '容量偏差', requirement(std(STD.performanceTable), '第1项：±3%'), '−1.4%～+2.1%', '符合'],
  [
    '4',
    '质量容量比',
    requirement(std(STD.performanceTable), '第2项：0.35 L≤V≤1.0 L，≤0.42 g/mL'),
    '0.389 g/mL～0.412 g/mL',
    '符合',
  ],
  [
    '5',
    '保温效能',
    requirement(std(STD.performanceTable), '第3项：0.35 L≤V＜0.6 L，≥72 ℃；0.6 L≤V≤1.0 L，≥76 ℃'),
    '0.35 L：72.6 ℃～73.9 ℃；0.5 L：73.4 ℃～75.1 ℃；0.75 L：77.2 ℃～78.5 ℃',
    '符合',
  ],
  [
    '6',
    '保冷效能',
    requirement(std(STD.performanceTable), '第4项：0.35 L≤V＜0.6 L，≤10 ℃；0.6 L≤V≤1.0 L，≤9 ℃'),
    '0.35 L、0.5 L：8.6 ℃～9.4 ℃；0.75 L：7.9 ℃～8.5 ℃',
    '符合',
  ],
  ['7', '密封性', requirement(std(STD.performanceTable), '第5项：无渗漏'), '无渗漏', '符合'],
  [
    '8',
    '耐冲击性',
    requirement(std(STD.performanceTable), '第6项：凹陷≤1.0 mm，无破裂、无泄漏'),
    '改进前0.75 L有1只凹陷1.3 mm；改进后0.3 mm～0.8 mm，跌落后保温效能仍符合要求',
    '改进后符合',
  ],
  ['9', '杯盖旋合耐久性', requirement(std(STD.performanceTable), '第7项：5 000次'), '5 000次后无滑牙、无渗漏', '符合'],
  ['10', '外壳涂层附着力', requirement(std(STD.performanceTable), '第8项：0级'), '0级', '符合'],
  [
    '11',
    '外壳涂层耐盐雾',
    requirement(std(STD.performanceTable), '第9项：96 h'),
    '96 h无起泡、生锈、开裂和脱落',
    '符合',
  ],
  ['12', '内胆耐腐蚀', requirement(std(STD.performanceTable), '第10项：无锈蚀、无点蚀'), '无锈蚀、无点蚀', '符合'],
  ['13', '异味', requirement(std(STD.performanceTable), '第11项：无异味'), '无异味', '符合'],
  ['14', '镍迁移量', requirement(std(STD.migrationTable), '：≤0.14 mg/kg'), '0.02 mg/kg～0.05 mg/kg', '符合'],
  [
    '15',
    '其他金属迁移量',
    requirement(std(STD.migrationTable), '：铅≤0.01，镉≤0.005，砷≤0.01，铬≤1.0，锰≤1.8（mg/kg）'),
    '铅、镉、砷未检出；铬0.08 mg/kg～0.15 mg/kg；锰0.21 mg/kg～0.46 mg/kg',
    '符合',
  ],
  [
    '16',
    '通用安全要求及非金属部件',
    requirement(std(STD.foodSafetyGeneral), '、', std(STD.foodSafetyNonMetal)),
    'PP杯盖、硅橡胶密封圈的总迁移量和感官要求均符合',
    '符合',
  ],
];

/** The complete application report of 《轻量化不锈钢真空保温杯》. */
export function vacuumCupApplicationReport(ctx: DemoContentContext): ProseMirrorJSON {
  const { input } = ctx;
  const testingBody = demoOrganization('testing-institute').name;
  const supplier = demoOrganization('steel-supplier').name;
  const bureau = demoOrganization('county-bureau').name;

  const id = VACUUM_CUP_APPLICATION_REPORT_IDS;
  const caption = APPLICATION_REPORT_TABLE_CAPTIONS;
  const s = APPLICATION_REPORT_SECTIONS;

  return structuredDoc(
    VACUUM_CUP_APPLICATION_REPORT_SCOPE,
    documentHeader(input, '实施应用报告', { stage: '征求意见稿', date: '2026年3月' }),

    chapter(
      'other',
      s[0],
      paragraphs(
        `为验证《${input.nameZh}》标准（征求意见稿）技术指标的合理性和可操作性，${input.leadOrganizationName}于2026年2月18日至3月5日在永康生产基地按标准组织了生产实施验证，验证产品为公称容量0.35 L、0.5 L和0.75 L三个规格，共5个批次、32 000只。`,
        `${bureau}对验证工作进行了指导，并于2026年3月4日派员现场见证抽样；${testingBody}按标准规定的试验方法对验证样品进行了全项检验。`,
      ),
    ),

    chapter(
      'other',
      s[1],
      clause(
        '验证方案',
        paragraph('生产实施验证按以下方案进行：'),
        dashList([
          '生产线：数控旋薄成型线2条、激光焊接线1条、六室连续真空钎焊炉1台、自动静电喷涂线1条，全部产品经在线测温检漏',
          `原材料：内胆采用${supplier}供应的06Cr17Ni12Mo2冷轧精密带材（厚度0.30 mm），外壳采用06Cr19Ni10冷轧精密带材（厚度0.35 mm），杯盖为食品接触用聚丙烯，密封圈为硅橡胶`,
          [
            '抽样：出厂检验按标准',
            std(STD.factorySampling),
            '抽样，型式检验每批随机抽取6只，另抽取3只用于金属迁移量和通用安全要求检验',
          ],
          `检验：出厂检验项目由企业实验室检验，型式检验项目委托${testingBody}检验`,
        ]),
      ),
      clause(
        '验证产品及批次',
        paragraph(['按标准组织生产的产品及批次见', crossRef(id.batchTable), '。']),
        columnsTable(caption.batches, BATCH_TABLE_COLUMNS, batchRows(testingBody), { id: id.batchTable }),
        paragraph(
          '第3批（HC260227-01）有1只样品耐冲击性试验后外壳凹陷深度为1.3 mm，超出标准要求。经分析，原因是0.75 L规格外壳直径较大、底部减薄后刚度不足。将外壳底部厚度由0.30 mm增至0.35 mm并增加环形加强筋后，第5批（HC260305-01）复验合格，单只质量增加4.2 g，质量容量比仍符合要求。',
        ),
      ),
    ),

    chapter(
      'other',
      s[2],
      paragraph([
        '各项指标的检验结果与标准要求的对比见',
        crossRef(id.conformityTable),
        '，“标准要求”栏引用标准文本的条号和表号。',
      ]),
      columnsTable(caption.conformity, CONFORMITY_TABLE_COLUMNS, CONFORMITY_ROWS, { id: id.conformityTable }),
      paragraph('改进后的各批次产品全部检验项目均符合标准要求，关键指标有稳定的余量，标准技术指标设置合理。'),
    ),

    chapter(
      'other',
      s[3],
      clause(
        '成本分析',
        paragraph('按本标准生产，单只产品成本变化如下：'),
        dashList([
          '内胆由06Cr19Ni10改用06Cr17Ni12Mo2不锈钢，增加约2.1元',
          '在线测温检漏全数筛查，增加约0.3元',
          '旋薄减薄成型节约不锈钢约18%，降低约0.9元',
          '综合增加约1.5元，约占出厂价的3.8%；年度型式检验费用约12万元',
        ]),
      ),
      clause(
        '经济效益和社会效益',
        paragraphs(
          '按标准生产的产品售价可提高12%～15%，预计2026年生产约280万只，新增产值约4 200万元；年节约不锈钢约210 t；验证期间产品返修率由0.8%降至0.35%。',
          '标准实施有利于引导永康及周边杯业企业应用减薄成型和无尾真空钎焊工艺，提升区域产品的质量水平和品牌形象，减少原材料消耗。',
        ),
      ),
    ),

    chapter(
      'other',
      s[4],
      clause(
        '原材料及零部件供应',
        paragraph(
          `${supplier}可稳定供应厚度0.25 mm～0.40 mm、厚度公差±0.01 mm的06Cr19Ni10和06Cr17Ni12Mo2冷轧精密带材，每批附材质证明书；杯盖和密封圈各有2家合格供应商，均能提供食品接触用原料的符合性声明。关键原材料供应能够满足标准要求和批量生产需要。`,
        ),
      ),
      clause(
        '检验检测能力',
        paragraph(
          `牵头起草单位实验室配备40个工位的保温效能试验室、跌落试验装置、旋合耐久试验机、盐雾试验箱和划格试验器具，具备全部出厂检验项目的检验能力。${testingBody}具备检验检测机构资质认定（CMA）资质，能够承担本标准规定的全部检验项目，包括按GB 31604.49测定金属迁移量。`,
        ),
      ),
    ),

    chapter(
      'other',
      s[5],
      paragraph(
        `生产实施验证表明，本标准的技术指标合理、先进，试验方法可操作，${input.leadOrganizationName}具备按本标准组织批量生产的能力，上游原材料供应和第三方检验检测能力能够支撑标准实施。建议按征求意见稿继续推进标准研制工作。`,
      ),
    ),
  );
}
