/**
 * The standard text of the main demo project: a complete 征求意见稿 of the Zhejiang Made product
 * standard 《轻量化不锈钢真空保温杯》, written to GB/T 1.1—2020 in the structured document model.
 * Numbers are computed, never typed: references to clauses, tables and the annex are `crossRef`s to
 * the deterministic ids in `VACUUM_CUP_STANDARD_IDS`, which the drafting explanation and the
 * application report also point at (cross-document references). The cover and foreword come from
 * the shared template builders; the foreword's credits are generated from the drafting group.
 */
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import {
  annex,
  bibliography,
  cellOf,
  cellWithId,
  chapter,
  clause,
  crossRef,
  dashList,
  idsFor,
  letteredList,
  note,
  paragraph,
  paragraphs,
  referenceEntry,
  referenceText,
  structuredDoc,
  tableBlock,
  termEntry,
  titled,
  type CellInput,
  type InlineInput,
} from '@shared/editor/builders/index.js';
import { NORMATIVE_REFERENCES_LEAD_IN, TERMS_LEAD_IN } from '@shared/editor/structure/fixedSentences.js';
import { CHAPTER_ROLE_TITLES } from '@shared/editor/structure/names.js';
import {
  INSPECTION_TABLE_COLUMNS,
  INSPECTION_TABLE_NOTE,
  standardFrontMatter,
} from '../../documents/templates/standardTemplate.js';
import type { TemplateInput } from '../../documents/templates/types.js';

/** The id scope of the demo standard text. */
export const VACUUM_CUP_STANDARD_SCOPE = 'vacuum-cup/standard';

/** Deterministic ids of the requirement cells that the drafting explanation's comparison table shows. */
export const VACUUM_CUP_STANDARD_CELLS = idsFor(`${VACUUM_CUP_STANDARD_SCOPE}/cells`, [
  'capacity',
  'massRatioLarge',
  'heatMid',
  'coldMid',
  'impact',
  'lidDurability',
  'saltSpray',
  'lead',
  'nickel',
]);

/**
 * Deterministic ids of the demo standard's nodes that are cross-referenced (from the standard itself,
 * the drafting explanation and the application report).
 */
export const VACUUM_CUP_STANDARD_IDS = idsFor(VACUUM_CUP_STANDARD_SCOPE, [
  // chapters
  'scope',
  'references',
  'terms',
  'basic',
  'tech',
  'tests',
  'inspection',
  'marking',
  'commitment',
  // terms
  'termCup',
  'termMassRatio',
  'termHeatRetention',
  // 技术要求
  'appearance',
  'appearanceBody',
  'appearanceWeld',
  'appearanceCoating',
  'appearanceLid',
  'materials',
  'materialsSteel',
  'materialsNonMetal',
  'performance',
  'performanceTable',
  'foodSafety',
  'foodSafetyGeneral',
  'foodSafetySteel',
  'migrationTable',
  'foodSafetyNonMetal',
  // 试验方法
  'testConditions',
  'testAppearance',
  'testMaterials',
  'testMaterialsSteel',
  'testMaterialsNonMetal',
  'testCapacity',
  'testMassRatio',
  'testHeatRetention',
  'testColdRetention',
  'testSealing',
  'testImpact',
  'testLidDurability',
  'testAdhesion',
  'testSaltSpray',
  'testCorrosion',
  'testOdour',
  'testMigration',
  'testGeneralSafety',
  // 检验规则
  'inspectionClasses',
  'inspectionTable',
  'factoryInspection',
  'factorySampling',
  'typeInspection',
  // 附录A
  'annexA',
  'annexEquipment',
  'annexHeat',
  'annexHeatPreconditioning',
  'annexHeatMeasurement',
  'annexCold',
]);

/** Normative references in GB/T 1.1 order: GB, GB/T (by number); dated where a clause is cited. */
export const VACUUM_CUP_NORMATIVE_REFERENCES: readonly [string, string][] = [
  ['GB 4806.1', '食品安全国家标准　食品接触材料及制品通用安全要求'],
  ['GB 4806.7', '食品安全国家标准　食品接触用塑料材料及制品'],
  ['GB 4806.9', '食品安全国家标准　食品接触用金属材料及制品'],
  ['GB 4806.11', '食品安全国家标准　食品接触用橡胶材料及制品'],
  ['GB 31604.1', '食品安全国家标准　食品接触材料及制品迁移试验通则'],
  ['GB 31604.49', '食品安全国家标准　食品接触材料及制品　多元素的测定和多元素迁移量的测定'],
  ['GB/T 191', '包装储运图示标志'],
  ['GB/T 2828.1—2012', '计数抽样检验程序　第1部分：按接收质量限（AQL）检索的逐批检验抽样计划'],
  ['GB/T 2829—2002', '周期检验计数抽样程序及表（适用于对过程稳定性的检验）'],
  ['GB/T 3280', '不锈钢冷轧钢板和钢带'],
  ['GB/T 6388', '运输包装收发货标志'],
  ['GB/T 6682', '分析实验室用水规格和试验方法'],
  ['GB/T 9286—2021', '色漆和清漆　划格试验'],
  ['GB/T 10125—2021', '人造气氛腐蚀试验　盐雾试验'],
  ['GB/T 11170', '不锈钢　多元素含量的测定　火花放电原子发射光谱法（常规法）'],
  ['GB/T 20878', '不锈钢和耐热钢　牌号及化学成分'],
];

const id = VACUUM_CUP_STANDARD_IDS;
const ref = crossRef;
const c = (content: InlineInput, colspan = 1, rowspan = 1): CellInput => cellOf(content, colspan, rowspan);
const cell = VACUUM_CUP_STANDARD_CELLS;
/** A requirement value the drafting explanation's comparison table links to. */
const v = (key: keyof typeof cell, content: InlineInput, colspan = 1): CellInput =>
  cellWithId(cell[key], content, colspan);

/** "，对照5.3中表1第n项判定。": a test method's verdict against an item of the performance table. */
const judgeItem = (item: number): (string | ProseMirrorJSON)[] => [
  '，对照',
  ref(id.performance),
  '中',
  ref(id.performanceTable),
  `第${item}项判定。`,
];

/** 表1: performance requirements, graded by nominal capacity V where it matters. */
const performanceTable = tableBlock(
  '性能要求',
  [
    ['序号', '项目', '公称容量V/L', '要求', '试验方法'],
    ['1', '容量偏差', v('capacity', '实际容量与公称容量的偏差在±3%以内', 2), c(ref(id.testCapacity))],
    [c('2', 1, 2), c('质量容量比/（g/mL）', 1, 2), '0.2≤V＜0.35', '≤0.55', c(ref(id.testMassRatio), 1, 2)],
    ['0.35≤V≤1.0', v('massRatioLarge', '≤0.42')],
    [c('3', 1, 3), c('保温效能/℃', 1, 3), '0.2≤V＜0.35', '≥65', c(ref(id.testHeatRetention), 1, 3)],
    ['0.35≤V＜0.6', v('heatMid', '≥72')],
    ['0.6≤V≤1.0', '≥76'],
    [c('4', 1, 3), c('保冷效能/℃', 1, 3), '0.2≤V＜0.35', '≤12', c(ref(id.testColdRetention), 1, 3)],
    ['0.35≤V＜0.6', v('coldMid', '≤10')],
    ['0.6≤V≤1.0', '≤9'],
    ['5', '密封性', c('无渗漏', 2), c(ref(id.testSealing))],
    [
      '6',
      '耐冲击性',
      v('impact', '杯体无破裂、无泄漏，外壳凹陷深度不大于1.0 mm；试验后保温效能仍符合本表第3项的要求', 2),
      c(ref(id.testImpact)),
    ],
    [
      '7',
      '杯盖旋合耐久性',
      v('lidDurability', '旋合5 000次后螺纹无滑牙、无破损，密封性仍符合本表第5项的要求', 2),
      c(ref(id.testLidDurability)),
    ],
    ['8', '外壳涂层附着力', c('划格试验结果为0级', 2), c(ref(id.testAdhesion))],
    [
      '9',
      '外壳涂层耐盐雾',
      v('saltSpray', '中性盐雾试验96 h后涂层无起泡、生锈、开裂和脱落', 2),
      c(ref(id.testSaltSpray)),
    ],
    ['10', '内胆耐腐蚀', c('内胆表面无锈蚀、无点蚀', 2), c(ref(id.testCorrosion))],
    ['11', '异味', c('无异味', 2), c(ref(id.testOdour))],
  ],
  { id: id.performanceTable, notes: ['容量偏差、质量容量比按公称容量计；公称容量标注为毫升时换算为升后查表。'] },
);

/** 表2: metal migration limits of the stainless steel parts (stricter than GB 4806.9). */
const migrationTable = tableBlock(
  '不锈钢部件金属迁移限量',
  [
    ['项目', '限量/（mg/kg）'],
    ['铅（以Pb计）', v('lead', '≤0.01')],
    ['镉（以Cd计）', '≤0.005'],
    ['砷（以As计）', '≤0.01'],
    ['铬（以Cr计）', '≤1.0'],
    ['镍（以Ni计）', v('nickel', '≤0.14')],
    ['锰（以Mn计）', '≤1.8'],
  ],
  { id: id.migrationTable },
);

/** 表3: inspection items of factory and type inspection, pointing at requirements and test methods. */
const inspectionTable = tableBlock(
  '检验项目',
  [
    [...INSPECTION_TABLE_COLUMNS],
    ['1', '外观', c(ref(id.appearance)), c(ref(id.testAppearance)), '√', '√'],
    ['2', '材料', c(ref(id.materials)), c(ref(id.testMaterials)), '—', '√'],
    ['3', '容量偏差', c(ref(id.performance)), c(ref(id.testCapacity)), '√', '√'],
    ['4', '质量容量比', c(ref(id.performance)), c(ref(id.testMassRatio)), '√', '√'],
    ['5', '保温效能', c(ref(id.performance)), c(ref(id.testHeatRetention)), '√', '√'],
    ['6', '保冷效能', c(ref(id.performance)), c(ref(id.testColdRetention)), '—', '√'],
    ['7', '密封性', c(ref(id.performance)), c(ref(id.testSealing)), '√', '√'],
    ['8', '耐冲击性', c(ref(id.performance)), c(ref(id.testImpact)), '—', '√'],
    ['9', '杯盖旋合耐久性', c(ref(id.performance)), c(ref(id.testLidDurability)), '—', '√'],
    ['10', '外壳涂层附着力', c(ref(id.performance)), c(ref(id.testAdhesion)), '√', '√'],
    ['11', '外壳涂层耐盐雾', c(ref(id.performance)), c(ref(id.testSaltSpray)), '—', '√'],
    ['12', '内胆耐腐蚀', c(ref(id.performance)), c(ref(id.testCorrosion)), '—', '√'],
    ['13', '异味', c(ref(id.performance)), c(ref(id.testOdour)), '√', '√'],
    ['14', '金属迁移量', c(ref(id.foodSafetySteel)), c(ref(id.testMigration)), '—', '√'],
    [
      '15',
      '通用安全要求及非金属部件',
      c([ref(id.foodSafetyGeneral), '、', ref(id.foodSafetyNonMetal)]),
      c(ref(id.testGeneralSafety)),
      '—',
      '√',
    ],
  ],
  { id: id.inspectionTable, notes: [INSPECTION_TABLE_NOTE] },
);

/** The complete standard text of 《轻量化不锈钢真空保温杯》 (征求意见稿). */
export function vacuumCupStandard(input: TemplateInput): ProseMirrorJSON {
  const t = CHAPTER_ROLE_TITLES;
  return structuredDoc(
    VACUUM_CUP_STANDARD_SCOPE,
    standardFrontMatter(input, { ics: '97.040.60', ccs: 'Y 29', stage: '征求意见稿' }),

    chapter(
      'scope',
      titled(t.scope, id.scope),
      paragraphs(
        '本文件规定了轻量化不锈钢真空保温杯（以下简称“保温杯”）的术语和定义、基本要求、技术要求、试验方法、检验规则、标志、包装、运输和贮存及质量承诺。',
        '本文件适用于内胆和外壳均采用奥氏体不锈钢、公称容量为0.2 L～1.0 L、用于盛装饮用水及饮料的轻量化不锈钢真空保温杯。',
      ),
    ),

    chapter(
      'normative-references',
      titled(t['normative-references'], id.references),
      paragraph(NORMATIVE_REFERENCES_LEAD_IN),
      VACUUM_CUP_NORMATIVE_REFERENCES.map(([code, title]) => referenceEntry(referenceText(code, title))),
    ),

    chapter(
      'terms',
      titled(t.terms, id.terms),
      paragraph(TERMS_LEAD_IN),
      termEntry(
        '轻量化不锈钢真空保温杯',
        'lightweight stainless steel vacuum insulated cup',
        '内胆和外壳采用减薄成型的奥氏体不锈钢制成，经焊接形成真空夹层，在保持保温性能的前提下降低自身质量的便携式杯具。',
        [],
        id.termCup,
      ),
      termEntry(
        '质量容量比',
        'mass-to-capacity ratio',
        '保温杯空杯质量（含杯盖及全部配件）与其公称容量的比值。',
        ['单位为克每毫升（g/mL）。'],
        id.termMassRatio,
      ),
      termEntry(
        '保温效能',
        'heat retention efficiency',
        '在规定的环境温度下，保温杯注入规定温度的热水至公称容量并密封，静置规定时间后杯内水的温度。',
        ['单位为摄氏度（℃）。'],
        id.termHeatRetention,
      ),
    ),

    chapter(
      'basic-requirements',
      titled(t['basic-requirements'], id.basic),
      clause(
        '设计研发',
        paragraph('设计研发应符合下列要求：'),
        dashList([
          '应采用三维建模软件进行产品结构设计，并采用有限元分析或热仿真软件对杯体强度和保温性能进行模拟验证',
          '应根据不同公称容量进行内胆、外壳壁厚的减薄设计，在满足耐冲击性要求的前提下控制质量容量比',
          ['新产品定型前应完成第', ref(id.tech), '章规定的全部项目的试验验证'],
          '宜建立产品使用寿命试验和用户使用数据的反馈改进机制',
        ]),
      ),
      clause(
        '原材料',
        paragraph('原材料应符合下列要求：'),
        dashList([
          '内胆及与饮品直接接触的不锈钢部件应采用GB/T 20878中牌号为06Cr19Ni10或06Cr17Ni12Mo2的奥氏体不锈钢，冷轧板带应符合GB/T 3280的规定',
          '外壳宜采用06Cr19Ni10奥氏体不锈钢',
          '杯盖、密封圈等非金属部件应采用食品接触用原料，并由供应商提供符合性声明',
          '应对每批不锈钢原材料核验材质证明书，并按批抽检化学成分',
        ]),
      ),
      clause(
        '工艺装备',
        paragraph('工艺装备应符合下列要求：'),
        dashList([
          '内胆、外壳应采用数控旋薄（强力旋压）或多工位拉伸设备成型',
          '杯口焊接应采用激光焊接或等离子焊接设备，焊缝连续、均匀',
          '应采用无尾真空钎焊工艺封口，真空钎焊炉的极限真空度应优于5×10⁻³ Pa',
          '应配备在线测温检漏装置，对每只产品进行真空性能筛查',
          '外壳喷涂宜采用自动静电喷涂生产线',
        ]),
      ),
      clause(
        '检验检测',
        paragraph('检验检测应符合下列要求：'),
        dashList([
          '应配备保温效能试验室（含分辨力为0.1 ℃的测温仪）、电子天平、跌落试验装置、旋合耐久试验机、盐雾试验箱和划格试验器具等检验设备',
          ['应具备', ref(id.inspectionTable), '规定的全部出厂检验项目的检验能力'],
          '金属迁移量等型式检验项目可委托具有相应资质的检验检测机构进行',
        ]),
      ),
    ),

    chapter(
      'technical-requirements',
      titled(t['technical-requirements'], id.tech),
      clause(
        titled('外观', id.appearance),
        clause(
          titled('杯体', id.appearanceBody),
          paragraph('杯体表面应光洁、色泽均匀，不应有明显的划痕、凹坑、锈迹和毛刺。'),
        ),
        clause(titled('焊缝', id.appearanceWeld), paragraph('杯口焊缝应平滑、连续，不应有虚焊、裂纹和焊渣。')),
        clause(
          titled('涂层及印刷', id.appearanceCoating),
          paragraph('涂层应均匀，不应有流挂、起泡、漏涂和脱落；印刷图案应清晰、完整。'),
        ),
        clause(titled('杯盖', id.appearanceLid), paragraph('杯盖与杯体旋合应顺畅，不应有卡滞和滑牙。')),
      ),
      clause(
        titled('材料', id.materials),
        clause(
          titled('不锈钢部件', id.materialsSteel),
          paragraph(
            '内胆及杯口等与饮品直接接触的不锈钢部件的化学成分应符合GB/T 20878中06Cr19Ni10或06Cr17Ni12Mo2的规定，其中锰的质量分数不应大于2.0%。',
          ),
        ),
        clause(
          titled('非金属部件', id.materialsNonMetal),
          paragraph('杯盖、内塞宜采用聚丙烯（PP）或共聚酯（PCTG）材料，密封圈宜采用硅橡胶；非金属部件不应使用回收料。'),
        ),
      ),
      clause(
        titled('性能', id.performance),
        paragraph(['保温杯的性能应符合', ref(id.performanceTable), '的规定。']),
        performanceTable,
      ),
      clause(
        titled('食品安全', id.foodSafety),
        clause(
          titled('通用安全要求', id.foodSafetyGeneral),
          paragraph('保温杯与饮品接触的部件应符合GB 4806.1的规定。'),
        ),
        clause(
          titled('不锈钢部件', id.foodSafetySteel),
          paragraph(['不锈钢部件的金属迁移量除应符合GB 4806.9的规定外，还应符合', ref(id.migrationTable), '的规定。']),
          migrationTable,
        ),
        clause(
          titled('非金属部件', id.foodSafetyNonMetal),
          paragraph('塑料部件应符合GB 4806.7的规定，橡胶密封件应符合GB 4806.11的规定。'),
        ),
      ),
    ),

    chapter(
      'test-methods',
      titled(t['test-methods'], id.tests),
      clause(
        titled('试验条件', id.testConditions),
        clause(
          '试验环境',
          paragraph(
            '除另有规定外，试验应在温度为（20±2）℃、相对湿度为45%～75%、无明显气流的环境中进行，样品试验前应在该环境中放置不少于4 h。',
          ),
        ),
        clause('试验用水', paragraph('试验用水应符合GB/T 6682中三级水的规定。')),
      ),
      clause(
        titled('外观', id.testAppearance),
        paragraph([
          '在自然光或照度不低于300 lx的光源下，距样品300 mm～500 mm目测，并辅以手感检查，对照',
          ref(id.appearanceBody),
          '、',
          ref(id.appearanceWeld),
          '和',
          ref(id.appearanceCoating),
          '判定；手动旋合杯盖3次，对照',
          ref(id.appearanceLid),
          '判定。',
        ]),
      ),
      clause(
        titled('材料', id.testMaterials),
        clause(
          titled('不锈钢部件', id.testMaterialsSteel),
          paragraph(['从内胆上截取试样，按GB/T 11170的规定测定化学成分，对照', ref(id.materialsSteel), '判定。']),
        ),
        clause(
          titled('非金属部件', id.testMaterialsNonMetal),
          paragraph(['查验非金属部件原料的符合性声明和检验报告，对照', ref(id.materialsNonMetal), '判定。']),
        ),
      ),
      clause(
        titled('容量偏差', id.testCapacity),
        paragraph([
          '将样品置于水平台面上，用分度值为0.1 g的电子天平称量空杯（不含杯盖）质量m₁；注入（20±2）℃的试验用水至杯口上沿下方10 mm处，称量质量m₂。按公式（1）计算容量偏差',
          ...judgeItem(1),
        ]),
        paragraph('δ＝[（m₂－m₁）/ρ－V₀]/V₀×100%　　…………（1）'),
        paragraph('式中：'),
        paragraphs(
          'δ　——容量偏差；',
          'm₁ ——空杯质量，单位为克（g）；',
          'm₂ ——注水后的质量，单位为克（g）；',
          'ρ　——水的密度，取1.0 g/mL；',
          'V₀ ——公称容量，单位为毫升（mL）。',
        ),
      ),
      clause(
        titled('质量容量比', id.testMassRatio),
        paragraph([
          '用分度值为0.1 g的电子天平称量含杯盖及全部配件的空杯质量m，按公式（2）计算质量容量比，结果保留三位小数',
          ...judgeItem(2),
        ]),
        paragraph('η＝m/V₀　　…………（2）'),
        paragraph('式中：'),
        paragraphs(
          'η　——质量容量比，单位为克每毫升（g/mL）；',
          'm　——空杯质量，单位为克（g）；',
          'V₀ ——公称容量，单位为毫升（mL）。',
        ),
      ),
      clause(
        titled('保温效能', id.testHeatRetention),
        paragraph(['按', ref(id.annexA), '中', ref(id.annexHeat), '规定的方法测定', ...judgeItem(3)]),
      ),
      clause(
        titled('保冷效能', id.testColdRetention),
        paragraph(['按', ref(id.annexA), '中', ref(id.annexCold), '规定的方法测定', ...judgeItem(4)]),
      ),
      clause(
        titled('密封性', id.testSealing),
        paragraph([
          '注入（90±5）℃的试验用水至公称容量，用手正常旋紧杯盖，将样品倒置于吸水纸上静置30 min，再以约1次/s的频率上下摇动10次，观察杯盖与杯口结合处及杯体有无渗漏',
          ...judgeItem(5),
        ]),
      ),
      clause(
        titled('耐冲击性', id.testImpact),
        paragraph([
          '注入（20±2）℃的试验用水至公称容量并旋紧杯盖，将样品从最低点距台面1.0 m的高度分别以杯底朝下和杯身水平两种姿态各自由跌落1次，台面为平放在混凝土地面上的厚度不小于20 mm的硬木板。跌落后检查杯体，用深度尺测量外壳最大凹陷深度，再按',
          ref(id.testHeatRetention),
          '测定保温效能',
          ...judgeItem(6),
        ]),
      ),
      clause(
        titled('杯盖旋合耐久性', id.testLidDurability),
        paragraph([
          '将样品固定在旋合耐久试验机上，以10次/min～15次/min的速度、（1.5±0.1）N·m的旋紧力矩反复旋紧和旋开杯盖，旋紧、旋开各一次计为1次，连续5 000次后检查螺纹并按',
          ref(id.testSealing),
          '检验密封性',
          ...judgeItem(7),
        ]),
      ),
      clause(
        titled('外壳涂层附着力', id.testAdhesion),
        paragraph(['按GB/T 9286—2021的规定进行，切割间距为1 mm', ...judgeItem(8)]),
      ),
      clause(
        titled('外壳涂层耐盐雾', id.testSaltSpray),
        paragraph(['按GB/T 10125—2021中中性盐雾试验（NSS）的规定进行，试验时间为96 h', ...judgeItem(9)]),
      ),
      clause(
        titled('内胆耐腐蚀', id.testCorrosion),
        paragraph([
          '注入质量分数为1%的氯化钠溶液至公称容量，旋紧杯盖，在（60±2）℃的恒温箱中放置24 h后倒出溶液，用试验用水冲洗内胆，目测内胆表面',
          ...judgeItem(10),
        ]),
      ),
      clause(
        titled('异味', id.testOdour),
        paragraph([
          '注入（95±1）℃的试验用水至公称容量，旋紧杯盖静置30 min后开盖，由3名经过培训的检验人员嗅辨，以2人及以上一致的结论为准',
          ...judgeItem(11),
        ]),
      ),
      clause(
        titled('金属迁移量', id.testMigration),
        paragraph([
          '按GB 31604.1和GB 4806.9规定的迁移试验条件，以体积分数为4%的乙酸溶液为食品模拟物进行迁移试验，按GB 31604.49的规定测定，对照',
          ref(id.foodSafetySteel),
          '判定。',
        ]),
      ),
      clause(
        titled('通用安全要求及非金属部件', id.testGeneralSafety),
        paragraph([
          '按GB 4806.1、GB 4806.7和GB 4806.11规定的方法进行，对照',
          ref(id.foodSafetyGeneral),
          '和',
          ref(id.foodSafetyNonMetal),
          '判定。',
        ]),
      ),
    ),

    chapter(
      'inspection-rules',
      titled(t['inspection-rules'], id.inspection),
      clause(
        titled('检验分类', id.inspectionClasses),
        paragraph(['检验分为出厂检验和型式检验，检验项目见', ref(id.inspectionTable), '。']),
        inspectionTable,
      ),
      clause(
        titled('出厂检验', id.factoryInspection),
        clause('总则', paragraph('每批产品应经制造商质量检验部门检验合格，并附产品合格证后方可出厂。')),
        clause('组批', paragraph('以同一原材料、同一工艺、同一规格连续生产的产品为一批，每批不超过10 000只。')),
        clause(
          titled('抽样', id.factorySampling),
          paragraph(
            '按GB/T 2828.1—2012规定的正常检验一次抽样方案抽样：外观采用一般检验水平Ⅱ，接收质量限（AQL）为2.5；容量偏差、质量容量比、密封性、外壳涂层附着力和异味采用特殊检验水平S-3，AQL为1.0；保温效能采用特殊检验水平S-2，AQL为1.0。',
          ),
        ),
        clause(
          '判定',
          paragraph(
            '各检验项目均符合要求时，判该批产品出厂检验合格；有不合格项目时，可对该批产品进行全数挑选或返工后重新提交检验，仍不合格的，判该批产品出厂检验不合格。',
          ),
        ),
      ),
      clause(
        titled('型式检验', id.typeInspection),
        clause(
          '检验时机',
          paragraph('有下列情况之一时，应进行型式检验：'),
          letteredList([
            '新产品投产或老产品转厂生产的试制定型鉴定时',
            '正式生产后，原材料、结构、工艺有较大改变，可能影响产品性能时',
            '正常生产时，每年至少进行一次',
            '停产6个月以上恢复生产时',
            '出厂检验结果与上次型式检验结果有较大差异时',
          ]),
        ),
        clause(
          '抽样',
          paragraph(
            '样品从出厂检验合格的产品中随机抽取，按GB/T 2829—2002规定的判别水平Ⅰ的一次抽样方案，样本量为6只，不合格质量水平（RQL）为30；金属迁移量和通用安全要求另行抽取3只。',
          ),
        ),
        clause(
          '判定',
          paragraph([
            '型式检验项目全部符合本文件要求时，判型式检验合格。食品安全项目（',
            ref(id.foodSafety),
            '）有一项不合格时，判型式检验不合格；其他项目不合格时，可在同批产品中加倍抽样对不合格项目复验，复验仍不合格的，判型式检验不合格。',
          ]),
        ),
      ),
    ),

    chapter(
      'marking',
      titled(t.marking, id.marking),
      clause(
        '标志',
        clause(
          '产品标志',
          paragraph('保温杯外壳底部应有清晰、牢固的永久性标志，内容包括制造商名称或商标、内胆和外壳的不锈钢牌号。'),
        ),
        clause(
          '销售包装标志',
          paragraph('保温杯或其最小销售包装上应标明下列内容：'),
          dashList([
            '产品名称、型号和公称容量',
            '内胆、外壳的不锈钢牌号及与饮品接触的非金属部件的材质',
            '保温效能和保冷效能及其试验条件',
            '“食品接触用”字样或标志',
            '执行标准编号',
            '制造商名称、地址和联系方式',
            '生产日期或批号',
            '使用说明和警示语，如“不宜盛装碳酸饮料、牛奶等易产气或易变质的饮品”“不应放入微波炉加热”',
          ]),
        ),
        clause(
          '包装储运标志',
          paragraph('包装储运图示标志应符合GB/T 191的规定，运输包装收发货标志应符合GB/T 6388的规定。'),
        ),
      ),
      clause(
        '包装',
        paragraph(
          '保温杯应逐只装入清洁、干燥的包装盒内，并附产品合格证和使用说明书；外包装宜采用瓦楞纸箱，箱内应有防碰撞隔垫。',
        ),
      ),
      clause('运输', paragraph('运输中应轻装轻卸，防止重压、碰撞、雨淋和暴晒。')),
      clause('贮存', paragraph('产品应贮存在通风、干燥、无腐蚀性气体的室内，离地面不少于100 mm，离墙不少于200 mm。')),
    ),

    chapter(
      'quality-commitment',
      titled(t['quality-commitment'], id.commitment),
      clause(
        '产品保证',
        paragraph(
          '在正常使用和保管条件下，自销售之日起12个月内，产品因制造质量问题出现保温失效、泄漏等故障的，制造商应负责免费更换或退货。',
        ),
      ),
      clause(
        '真空性能保证',
        paragraph([
          '产品真空性能的质量保证期不应少于3年，保证期内因真空失效导致保温效能不符合',
          ref(id.performanceTable),
          '要求的，制造商应免费更换。',
        ]),
      ),
      clause(
        '质量追溯',
        paragraph('制造商应建立质量追溯制度，能够通过产品批号追溯原材料批次、关键工序参数和检验记录。'),
      ),
      clause('服务响应', paragraph('制造商应在收到用户投诉后24 h内作出响应，7 d内给出处理意见。')),
    ),

    annex(
      'normative',
      titled('保温效能和保冷效能试验方法', id.annexA),
      clause(
        titled('试验设备', id.annexEquipment),
        clause('恒温试验室', paragraph('温度为（20±2）℃，室内无明显气流，样品间距不小于100 mm。')),
        clause('测温仪', paragraph('分辨力为0.1 ℃，最大允许误差为±0.2 ℃，探头能插入杯内水体的几何中心。')),
        clause('恒温水浴', paragraph('能提供（95±1）℃的热水和（4±1）℃的冷水。')),
      ),
      clause(
        titled('保温效能', id.annexHeat),
        clause(
          titled('预处理', id.annexHeatPreconditioning),
          paragraph('将样品（含杯盖）在恒温试验室内放置不少于4 h。'),
        ),
        clause(
          '注水',
          paragraph(
            '注入不低于95 ℃的试验用水至公称容量预热（5±1）min后倒出，随即注入（95±1）℃的试验用水至公称容量，立即旋紧杯盖并开始计时。',
          ),
        ),
        clause(
          titled('测温', id.annexHeatMeasurement),
          paragraph('静置6 h±5 min后打开杯盖，在30 s内将测温仪探头插入水体几何中心，读取水温，精确至0.1 ℃。'),
        ),
        clause('结果', paragraph('以每只样品的测定值作为该样品的保温效能，修约至整数。')),
      ),
      clause(
        titled('保冷效能', id.annexCold),
        clause(
          '预处理及注水',
          paragraph([
            '样品按',
            ref(id.annexHeatPreconditioning),
            '预处理后，注入（4±1）℃的试验用水至公称容量预冷（5±1）min后倒出，随即注入（4±1）℃的试验用水至公称容量，立即旋紧杯盖并开始计时。',
          ]),
          note('保冷效能试验不使用冰块，以避免融冰对测定结果的影响。'),
        ),
        clause(
          '测温及结果',
          paragraph([
            '静置6 h±5 min后按',
            ref(id.annexHeatMeasurement),
            '测定水温，以每只样品的测定值作为该样品的保冷效能，修约至整数。',
          ]),
        ),
      ),
    ),

    bibliography(
      paragraphs(
        '［1］GB/T 29606—2013　不锈钢真空杯',
        '［2］GB/T 40355—2021　日用不锈钢真空保温容器',
        '［3］EN 12546-1:2000　Materials and articles in contact with foodstuffs—Insulated containers for domestic use—Part 1: Specification for vacuum ware, insulated flasks and jugs',
        '［4］Council of Europe. Metals and alloys used in food contact materials and articles: a practical guide for manufacturers and regulators. Strasbourg: EDQM, 2013',
      ),
    ),
  );
}
