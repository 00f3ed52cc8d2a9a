/**
 * The drafting explanation (编制说明) of the main demo project, complete for the 征求意见稿 stage:
 * the steps up to the workshop are done, consultation and technical review are planned.
 *
 * The figures quoted for other standards and for leading products are plausible demo values for
 * showing the comparison table; they are not verified quotations.
 */
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import {
  cellOf,
  chapter,
  clause,
  crossRef,
  indicatorRef,
  dashList,
  idsFor,
  paragraph,
  paragraphs,
  structuredDoc,
  titled,
  type CellInput,
} from '@shared/editor/builders/index.js';
import {
  COMPARISON_TABLE_COLUMNS,
  DRAFTER_TABLE_COLUMNS,
  EXPLANATION_ID_KEYS,
  EXPLANATION_SECTIONS,
  EXPLANATION_TABLE_CAPTIONS,
  PROCESS_TABLE_COLUMNS,
  UNIT_TABLE_COLUMNS,
  columnsTable,
  documentHeader,
} from '../../documents/templates/explanationTemplate.js';
import { chineseDate, type DemoContentContext } from './context.js';
import { demoOrganization } from './organizations.js';
import { VACUUM_CUP_STANDARD_CELLS as CELL, VACUUM_CUP_STANDARD_IDS as STD } from './standardContent.js';
import { VACUUM_CUP_DRAFTERS, VACUUM_CUP_UNITS } from './vacuumCupGroup.js';

/** The id scope of the demo drafting explanation. */
export const VACUUM_CUP_EXPLANATION_SCOPE = 'vacuum-cup/explanation';

/** Deterministic ids of the demo explanation's cross-referenced nodes. */
export const VACUUM_CUP_EXPLANATION_IDS = idsFor(VACUUM_CUP_EXPLANATION_SCOPE, EXPLANATION_ID_KEYS);

/**
 * A "本标准" cell: the requirement's value linked from the standard text's table (it follows every
 * change there) with the unit, followed by a cross-document reference to the requirement clause,
 * e.g. "≥72 ℃（5.3）".
 */
const thisStandard = (cellKey: keyof typeof CELL, unit: string, clauseId: string): CellInput =>
  cellOf([indicatorRef(CELL[cellKey]), `${unit}（`, crossRef(clauseId), '）']);

/** The key-indicator comparison that the technical review judges advancement on. */
const COMPARISON_ROWS: readonly (readonly CellInput[])[] = [
  [
    '保温效能（0.5 L，环境20 ℃，初温95 ℃，6 h）',
    thisStandard('heatMid', ' ℃', STD.performance),
    'GB/T 29606—2013：Ⅰ级≥60 ℃',
    'EN 12546-1:2000：≥57 ℃',
    '国外品牌A：74.6 ℃；国内品牌B：70.3 ℃；本企业：73.4 ℃～75.1 ℃',
    '国际先进',
  ],
  [
    '保冷效能（0.5 L，初温4 ℃，6 h）',
    thisStandard('coldMid', ' ℃', STD.performance),
    '未规定',
    '未规定限值',
    '国外品牌A：8.9 ℃；国内品牌B：10.6 ℃；本企业：8.6 ℃～9.4 ℃',
    '国际先进',
  ],
  [
    '质量容量比（0.35 L～1.0 L）',
    thisStandard('massRatioLarge', ' g/mL', STD.performance),
    '未规定',
    '未规定',
    '国外品牌A：0.41 g/mL；国内主流产品：0.52 g/mL～0.68 g/mL；本企业：0.389 g/mL～0.412 g/mL',
    '国际先进、国内领先',
  ],
  [
    '容量偏差',
    thisStandard('capacity', '', STD.performance),
    'GB/T 29606—2013：±5%',
    'EN 12546-1:2000：不小于标示容量的95%',
    '国外品牌A：−1.0%～+1.5%；本企业：−1.4%～+2.1%',
    '国内领先',
  ],
  [
    '耐冲击性（跌落高度）',
    thisStandard('impact', '', STD.performance),
    'GB/T 29606—2013：0.4 m，无破损、无泄漏',
    'EN 12546-1:2000：规定高度跌落后无破损',
    '国外品牌A：1.0 m跌落后凹陷0.6 mm；本企业：0.3 mm～0.8 mm',
    '国际先进',
  ],
  [
    '杯盖旋合耐久性',
    thisStandard('lidDurability', '', STD.performance),
    '未规定',
    '未规定',
    '国外品牌A：5 000次无异常；国内品牌B：3 000次出现滑牙',
    '国内领先',
  ],
  [
    '镍迁移量',
    thisStandard('nickel', ' mg/kg', STD.foodSafetySteel),
    'GB 4806.9：≤0.5 mg/kg',
    '欧洲理事会金属与合金指南（2013）SRL：0.14 mg/kg',
    '本企业：0.02 mg/kg～0.05 mg/kg',
    '国际先进',
  ],
  [
    '铅迁移量',
    thisStandard('lead', ' mg/kg', STD.foodSafetySteel),
    'GB 4806.9：≤0.05 mg/kg',
    '欧洲理事会金属与合金指南（2013）SRL：0.010 mg/kg',
    '本企业：未检出（检出限0.002 mg/kg）',
    '国际先进',
  ],
  [
    '外壳涂层耐盐雾',
    thisStandard('saltSpray', '', STD.performance),
    '未规定',
    '未规定',
    '国外品牌A：96 h合格；国内品牌B：72 h出现起泡',
    '国内领先',
  ],
];

const PROCESS_ROWS: readonly (readonly CellInput[])[] = [
  ['立项', '2025年11月—2026年1月', '2025年11月通过“浙江标准在线”平台提交立项申请，经技术审查，2026年1月列入研制计划。'],
  [
    '启动会',
    '2026年1月22日',
    '在永康召开标准启动会，成立标准起草组，确定工作计划和分工，讨论标准框架和关键指标方向；永康市市场监督管理局到会指导。',
  ],
  [
    '试验验证',
    '2026年2月—3月',
    '对3个规格、5个批次的产品进行试验和生产实施验证，对国内外8款主流产品进行比对测试，永康市市场监督管理局现场见证抽样。',
  ],
  [
    '研讨会',
    '2026年3月12日',
    '召开标准研讨会，审议标准草案及试验验证数据，对质量容量比、保温效能分档、镍迁移量等指标进行论证，形成征求意见稿。',
  ],
  ['征求意见', '2026年4月（计划）', '拟向同类企业、上下游企业、检验检测机构、高校和用户等约30家单位征求意见。'],
  [
    '技术审评',
    '2026年6月（计划）',
    '根据意见处理情况形成送审稿，经永康市市场监督管理局审核后报浙江省市场监督管理局组织技术审评。',
  ],
];

/** The complete drafting explanation of 《轻量化不锈钢真空保温杯》. */
export function vacuumCupExplanation(ctx: DemoContentContext): ProseMirrorJSON {
  const { input, plan } = ctx;
  const unitRows: CellInput[][] = VACUUM_CUP_UNITS.map((u, i): CellInput[] => [
    String(i + 1),
    demoOrganization(u.organizationKey).name,
    u.role,
    u.work,
  ]);
  const drafterRows: CellInput[][] = VACUUM_CUP_DRAFTERS.map((d, i): CellInput[] => [
    String(i + 1),
    d.name,
    demoOrganization(d.organizationKey).name,
    d.position,
    d.task,
  ]);

  const id = VACUUM_CUP_EXPLANATION_IDS;
  const caption = EXPLANATION_TABLE_CAPTIONS;
  const s = EXPLANATION_SECTIONS;

  return structuredDoc(
    VACUUM_CUP_EXPLANATION_SCOPE,
    documentHeader(input, '编制说明', { stage: '征求意见稿', date: '2026年3月' }),

    chapter(
      'other',
      s[0],
      clause(
        '任务来源',
        paragraph(
          `根据《${plan.planBatch}“浙江制造”标准研制计划》（计划编号：${plan.planNumber}），《${input.nameZh}》“浙江制造”标准由${input.leadOrganizationName}牵头研制，标准类型为产品标准，研制周期为六个月（${chineseDate(plan.startDate)}至${chineseDate(plan.dueDate)}）。`,
        ),
      ),
      clause(
        '编制目的和意义',
        paragraphs(
          '永康市是国内重要的不锈钢真空保温杯生产基地，杯业企业数百家，产品大量出口欧美和日韩市场。近年来消费者对保温杯的便携性提出了更高要求，轻量化已成为中高端产品的主要发展方向，国外领先品牌0.5 L产品的空杯质量已降至210 g左右，而国内主流产品普遍在260 g～340 g之间。',
          '现行GB/T 29606—2013《不锈钢真空杯》未规定质量相关指标，保温效能分级和耐冲击性要求难以区分采用减薄成型工艺的高端产品；食品接触用不锈钢的镍、铅等金属迁移限量与欧洲理事会技术指南相比仍有差距。',
          '制定本标准，以轻量化为主线，将质量容量比、保温效能、耐冲击性和金属迁移量等指标对标国际先进水平，可引导企业应用旋薄成型、无尾真空钎焊等先进工艺，提升永康杯业的品牌竞争力，支撑“浙江制造”认证和“品字标”品牌培育。',
        ),
      ),
      clause(
        '起草单位及分工',
        paragraph([
          '标准起草组由牵头起草单位、同类企业、上游原材料企业、检验检测机构和认证认可机构组成，各单位分工见',
          crossRef(id.unitsTable),
          '。',
        ]),
        columnsTable(caption.units, UNIT_TABLE_COLUMNS, unitRows, { id: id.unitsTable }),
      ),
      clause(
        '主要工作过程',
        paragraph(['标准研制的主要工作过程见', crossRef(id.processTable), '。']),
        columnsTable(caption.process, PROCESS_TABLE_COLUMNS, PROCESS_ROWS, { id: id.processTable }),
      ),
      clause(
        '主要起草人及其所做工作',
        paragraph(['主要起草人及其所做工作见', crossRef(id.draftersTable), '。']),
        columnsTable(caption.drafters, DRAFTER_TABLE_COLUMNS, drafterRows, { id: id.draftersTable }),
      ),
    ),

    chapter(
      'other',
      s[1],
      clause(
        '编制原则',
        paragraph('本标准按照GB/T 1.1—2020的规定起草，遵循以下原则：'),
        dashList([
          '合规性：符合国家法律法规和GB 4806系列食品安全国家标准，食品安全指标严于强制性标准',
          '先进性：以EN 12546-1:2000、欧洲理事会金属与合金指南和国外领先产品实测数据为标杆，关键指标达到国际先进水平',
          '经济性：指标设置兼顾减薄成型带来的成本下降和316不锈钢、在线检测带来的成本增加，企业可承受',
          '可操作性：试验方法采用通用设备，检验规则与企业现行质量管理体系衔接，便于实施和认证',
        ]),
      ),
      clause(
        '主要技术内容的确定依据',
        clause(
          '范围',
          paragraph(
            '根据轻量化产品的主流规格，将公称容量范围确定为0.2 L～1.0 L；1.0 L以上的产品多为户外壶类，结构和使用方式不同，未纳入本标准。',
          ),
        ),
        clause(
          '基本要求',
          paragraph(
            '基本要求从设计研发、原材料、工艺装备和检验检测四个方面规定了实现轻量化的前提条件。其中，旋薄（强力旋压）成型可将内胆壁厚由0.40 mm减至0.25 mm，无尾真空钎焊可消除尾管结构带来的跌落泄漏隐患，在线测温检漏可实现真空性能的全数筛查。',
          ),
        ),
        clause(
          '质量容量比',
          paragraph(
            '起草组对国内外12款0.5 L主流产品进行了测定，质量容量比为0.41 g/mL～0.68 g/mL，国内产品平均为0.56 g/mL；牵头起草单位采用旋薄工艺的产品实测为0.389 g/mL～0.412 g/mL。考虑到杯盖质量基本固定，小容量产品的质量容量比必然偏大，故按公称容量分两档：0.35 L及以上不大于0.42 g/mL，0.35 L以下不大于0.55 g/mL。',
          ),
        ),
        clause(
          '保温效能和保冷效能',
          paragraph(
            '试验条件将环境温度由常见的（20±5）℃收严为（20±2）℃，以提高结果的复现性。36只0.5 L验证样品的保温效能为73.4 ℃～75.1 ℃，据此将0.35 L～0.6 L档的要求定为不低于72 ℃，留有约1.5 ℃的生产波动余量；其他容量档按同样方法确定。保冷效能按相同的分档原则确定。',
          ),
        ),
        clause(
          '耐冲击性',
          paragraph(
            '减薄成型后外壳刚度下降，跌落凹陷是轻量化产品的主要质量风险。本标准将跌落高度提高到1.0 m，增加杯身水平跌落姿态，并规定凹陷深度限值和跌落后保温效能复测，以验证减薄设计的可靠性。',
          ),
        ),
        clause(
          '杯盖旋合耐久性',
          paragraph('按每天旋合4次～5次、使用3年计算，杯盖旋合次数约为4 400次～5 500次，据此将旋合耐久性定为5 000次。'),
        ),
        clause(
          '金属迁移量',
          paragraph(
            '不锈钢部件的镍、铅、锰迁移限量采用欧洲理事会金属与合金指南（2013）规定的特定释放限量（SRL），铬迁移限量由GB 4806.9的2.0 mg/kg收严至1.0 mg/kg。5个验证批次的检测结果均远低于限量要求，表明采用06Cr17Ni12Mo2内胆和电解抛光工艺的产品能够稳定达到。',
          ),
        ),
        clause(
          '检验规则和质量承诺',
          paragraph(
            '出厂检验采用GB/T 2828.1—2012的抽样方案，将保温效能纳入出厂检验；型式检验采用GB/T 2829—2002的抽样方案。质量承诺增加了3年真空性能保证期和投诉响应时限，与“浙江制造”认证的要求衔接。',
          ),
        ),
      ),
    ),

    chapter(
      'other',
      s[2],
      clause(
        '试验验证情况',
        paragraphs(
          '2026年2月至3月，牵头起草单位按标准草案组织了0.35 L、0.5 L和0.75 L三个规格、共5个批次的生产实施验证，永康市市场监督管理局于2026年3月4日现场见证抽样。浙江永康五金产品质量检验研究院按标准规定的试验方法进行了全项检验。',
          '首批0.75 L产品在耐冲击性试验中有1只样品外壳凹陷深度为1.3 mm，超出要求；将外壳底部厚度由0.30 mm增至0.35 mm并增加底部加强筋后，第二批产品复验合格。其余各批次的全部项目均符合标准要求，详见实施应用报告。',
        ),
        paragraph([
          '起草组同时对国内外8款主流产品进行了比对测试，测试数据作为',
          crossRef(id.comparison),
          '关键指标对比的依据。',
        ]),
      ),
      clause(
        '技术经济论证及预期效益',
        paragraphs(
          '按本标准生产，内胆改用06Cr17Ni12Mo2不锈钢使单只成本增加约2.1元，在线测温检漏增加约0.3元，减薄成型节约不锈钢约18%、降低成本约0.9元，综合单只成本增加约1.5元，约占出厂价的3.8%。',
          '牵头起草单位预计2026年按本标准生产保温杯约280万只，产品售价可提高12%～15%，新增产值约4 200万元，年节约不锈钢约210 t，产品返修率由0.8%降至0.35%。标准实施后可带动永康及周边同类企业开展对标提升，推动区域杯业向高端化、轻量化转型。',
        ),
      ),
    ),

    chapter(
      'other',
      s[3],
      clause(
        '国内外相关标准情况',
        paragraph('与本产品相关的国内外标准和技术文件主要有：'),
        dashList([
          'GB/T 29606—2013《不锈钢真空杯》，规定了保温效能分级、容量偏差、耐冲击性等要求，未规定质量相关指标',
          'GB/T 40355—2021《日用不锈钢真空保温容器》，适用于各类日用不锈钢真空保温容器',
          'GB 4806.9《食品安全国家标准　食品接触用金属材料及制品》，规定了金属迁移限量',
          'EN 12546-1:2000，规定了家用真空保温器具的保温性能、稳定性和标志等要求',
          '欧洲理事会《食品接触用金属与合金技术指南》（2013），规定了金属元素的特定释放限量（SRL）',
        ]),
      ),
      clause(
        titled('关键指标对比', id.comparison),
        paragraph([
          '本标准关键指标与国内外标准及国内外领先产品实测值的对比见',
          crossRef(id.comparisonTable),
          '，“本标准”栏括号内为标准文本的条号。',
        ]),
        columnsTable(caption.comparison, COMPARISON_TABLE_COLUMNS, COMPARISON_ROWS, { id: id.comparisonTable }),
      ),
      clause(
        '先进性结论',
        paragraph(
          '本标准的保温效能、保冷效能、质量容量比、耐冲击性和镍、铅迁移量等关键指标达到国际先进水平，容量偏差、杯盖旋合耐久性和涂层耐盐雾等指标严于国内现行标准，处于国内领先水平。本标准整体技术水平达到“国际先进、国内一流”。',
        ),
      ),
    ),

    chapter(
      'other',
      s[4],
      paragraph(
        '本标准符合《中华人民共和国标准化法》《中华人民共和国食品安全法》《中华人民共和国产品质量法》等法律法规的规定，与GB 4806.1、GB 4806.7、GB 4806.9和GB 4806.11等强制性国家标准协调一致，食品安全指标严于强制性国家标准。',
      ),
    ),

    chapter(
      'other',
      s[5],
      paragraph(
        '本标准研制过程中无重大分歧意见。研讨会上，同类企业代表提出小容量产品难以达到0.42 g/mL的质量容量比，经比对测试数据分析，起草组采纳该意见，对0.35 L以下产品单独设置不大于0.55 g/mL的要求。',
      ),
    ),

    chapter('other', s[6], paragraph('本标准为“浙江制造”团体标准，供社会自愿采用，不涉及强制性标准的建议。')),

    chapter(
      'other',
      s[7],
      paragraph('建议采取以下措施贯彻实施本标准：'),
      dashList([
        '标准发布后，由牵头起草单位会同永康市市场监督管理局组织宣贯培训，重点面向永康、武义等地的杯业企业',
        '起草组企业在标准发布后6个月内完成生产线和检验能力的对标改造，并开展“浙江制造”认证',
        '检验检测机构完善保温效能、耐冲击性和金属迁移量的检测能力，为企业提供检测服务',
        '通过“浙江标准在线”平台开展标准实施统计监测，为标准复审积累数据',
      ]),
    ),

    chapter('other', s[8], paragraph('无。')),

    chapter('other', s[9], paragraph('经检索，本标准的技术内容未发现涉及专利的情况。')),
  );
}
