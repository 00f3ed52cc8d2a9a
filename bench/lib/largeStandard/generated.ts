/**
 * The realistic ~100-page standard: cover, foreword, 9 chapters (200 term entries; technical
 * requirements whose leaf clauses are each linked to a test method in one of the ways drafters write
 * it), ~500 clauses, 60 tables, 10 annexes, with a few drafting defects for the checker to report.
 */
import {
  annex,
  bibliography,
  chapter,
  clause,
  crossRef,
  dashList,
  letteredList,
  note,
  paragraph,
  paragraphs,
  referenceEntry,
  referenceText,
  stableId,
  structuredDoc,
  tableBlock,
  termEntry,
  titled,
  type CellInput,
  type InlineInput,
} from '@shared/editor/builders/index.js';
import { compareDesignations, parseDesignation } from '@shared/editor/structure/designations.js';
import { NORMATIVE_REFERENCES_LEAD_IN, TERMS_LEAD_IN } from '@shared/editor/structure/fixedSentences.js';
import { CHAPTER_ROLE_TITLES } from '@shared/editor/structure/names.js';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import {
  INSPECTION_TABLE_COLUMNS,
  INSPECTION_TABLE_NOTE,
  standardFrontMatter,
} from '../../../server/documents/templates/standardTemplate.js';

import {
  CONDITIONS,
  GROUPS,
  MODIFIERS,
  OBJECTS,
  PARTS,
  PROPERTIES,
  REFERENCES,
  VERBS,
  seededRandom,
} from './vocabulary.js';

const SCOPE = 'bench/large-standard';

/** How a requirement (a leaf clause of chapter 5) is linked to its test method. */
type Link =
  | 'method-refers' // the test method cross-references the requirement ("对照5.2.3判定")
  | 'method-types' // the test method types the requirement's number
  | 'requirement-refers' // the requirement cross-references its test method ("按6.3.2试验")
  | 'requirement-types' // the requirement types the test method's number
  | 'table-column' // a row of the requirement's table cites the test method
  | 'none'; // a defect: no link (requirements.untested)

function linkOf(r: number): Link {
  if (r < 0.4) return 'method-refers';
  if (r < 0.52) return 'method-types';
  if (r < 0.68) return 'requirement-refers';
  if (r < 0.84) return 'requirement-types';
  if (r < 0.96) return 'table-column';
  return 'none';
}

const GROUP_COUNT = GROUPS.length;

/** The id of the requirements table of a leaf that has one. */
function tableIdOf(leaf: { id: string }): string {
  return stableId(`${SCOPE}#table-of-${leaf.id}`);
}
const LEAVES_PER_GROUP = 15;
const TERM_COUNT = 200;
const ANNEX_COUNT = 10;

interface Leaf {
  group: number;
  index: number;
  id: string;
  testId: string;
  /** `5.g.k`. */
  label: string;
  /** `6.(g+1).k`. */
  testLabel: string;
  subject: string;
  link: Link;
  /** Carries a requirements table. */
  table: boolean;
}

class LargeStandardBuilder {
  private readonly random = seededRandom(20260301);
  private readonly terms: string[] = [];
  private readonly leaves: Leaf[] = [];
  private readonly annexIds: string[] = [];
  private citeIndex = 0;
  private tableCount = 0;

  constructor() {
    for (let i = 0; i < TERM_COUNT; i++) {
      this.terms.push(`${MODIFIERS[Math.floor(i / PARTS.length) % MODIFIERS.length]}${PARTS[i % PARTS.length]}`);
    }
    for (let a = 0; a < ANNEX_COUNT; a++) this.annexIds.push(stableId(`${SCOPE}#annex${a}`));
    for (let g = 0; g < GROUP_COUNT; g++) {
      for (let k = 0; k < LEAVES_PER_GROUP; k++) {
        const n = g * LEAVES_PER_GROUP + k;
        const table = k % 6 === 0;
        const link = linkOf(this.random());
        this.leaves.push({
          group: g,
          index: k,
          id: stableId(`${SCOPE}#req${g}.${k}`),
          testId: stableId(`${SCOPE}#test${g}.${k}`),
          label: `5.${g + 1}.${k + 1}`,
          testLabel: `6.${g + 2}.${k + 1}`,
          subject: `${this.terms[n % TERM_COUNT]}的${PROPERTIES[(n * 7) % PROPERTIES.length]}`,
          link: table || link !== 'table-column' ? link : 'method-refers',
          table,
        });
      }
    }
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  /** The next cited reference code, round robin over the cited ones. */
  private cite(): string {
    const cited = REFERENCES.filter((r) => !r.uncited);
    const ref = cited[this.citeIndex % cited.length];
    this.citeIndex += 1;
    return ref?.code ?? '';
  }

  private value(): string {
    return `${Math.floor(this.random() * 90) + 10}`;
  }

  build(): ProseMirrorJSON {
    const t = CHAPTER_ROLE_TITLES;
    return structuredDoc(
      SCOPE,
      standardFrontMatter(
        {
          nameZh: '家用智能电热水壶',
          nameEn: 'Household smart electric kettle',
          leadOrganizationName: '浙江某电器有限公司',
          participatingOrganizationNames: ['浙江省某检验研究院'],
          drafterNames: ['张三', '李四'],
          standardNumber: 'T/ZZB 0999—2026',
          year: 2026,
          publishingBody: '浙江省质量协会',
        },
        { ics: '97.040.50', ccs: 'Y 62', stage: '征求意见稿' },
      ),
      chapter(
        'scope',
        t.scope,
        paragraphs(
          '本文件规定了家用智能电热水壶的术语和定义、基本要求、技术要求、试验方法、检验规则、标志、包装、运输和贮存及质量承诺。',
          '本文件适用于额定容量不大于2.5 L、额定功率不大于2 200 W、具有智能控制功能的家用电热水壶。',
        ),
      ),
      chapter(
        'normative-references',
        t['normative-references'],
        paragraph(NORMATIVE_REFERENCES_LEAD_IN),
        this.referenceEntries(),
      ),
      chapter('terms', t.terms, paragraph(TERMS_LEAD_IN), this.termEntries()),
      chapter('basic-requirements', t['basic-requirements'], this.basicClauses()),
      chapter('technical-requirements', t['technical-requirements'], this.requirementGroups()),
      chapter('test-methods', t['test-methods'], this.testConditions(), this.testGroups()),
      chapter('inspection-rules', t['inspection-rules'], this.inspectionClauses()),
      chapter('marking', t.marking, this.markingClauses()),
      chapter('quality-commitment', t['quality-commitment'], this.commitmentClauses()),
      this.annexes(),
      bibliography(paragraphs('［1］GB/T 1.1—2020　标准化工作导则　第1部分：标准化文件的结构和起草规则')),
    );
  }

  private referenceEntries(): ProseMirrorJSON[] {
    const sorted = [...REFERENCES].sort((a, b) => {
      const da = parseDesignation(a.code);
      const db = parseDesignation(b.code);
      return da && db ? compareDesignations(da, db) : 0;
    });
    return sorted.map((r) => referenceEntry(referenceText(r.code, r.title)));
  }

  private termEntries(): ProseMirrorJSON[] {
    return this.terms.map((name, i) =>
      termEntry(
        name,
        `term ${i + 1} of the kettle`,
        `电热水壶中用于实现${PROPERTIES[i % PROPERTIES.length]}相关功能、由${MODIFIERS[i % MODIFIERS.length]}材料或结构构成的部件或装置，其设计参数、材料牌号和检验要求由制造商在产品技术文件中规定，并在产品使用说明书中向用户说明。`,
        i % 9 === 0 ? [i % 45 === 0 ? '该部件可与相邻部件组合为一体。' : '该部件通常与相邻部件组合为一体。'] : [],
      ),
    );
  }

  private basicClauses(): ProseMirrorJSON[] {
    const topics = ['设计研发', '原材料', '工艺装备', '检验检测'];
    return topics.map((topic, i) =>
      clause(
        topic,
        ...[0, 1, 2, 3].map((j) =>
          clause(
            `${topic}要求${j + 1}`,
            paragraph(`${topic}应符合下列要求：`),
            dashList([
              `应建立${topic}的管理制度，并对${this.terms[(i * 4 + j) % TERM_COUNT]}的关键参数进行记录和评审`,
              `应配备与${topic}相适应的设备和人员，设备应定期校准，记录保存期不少于3年`,
              `宜采用数字化手段对${topic}过程进行监控和追溯，并持续改进`,
            ]),
            ...(j === 0 && i < 3 ? [this.smallTable(`${topic}主要控制参数`, 5)] : []),
          ),
        ),
      ),
    );
  }

  /** A small table and the sentence that cites it (every 9th is left uncited: a defect). */
  private smallTable(caption: string, rows: number): ProseMirrorJSON[] {
    this.tableCount += 1;
    const id = stableId(`${SCOPE}#table${this.tableCount}`);
    const cited = this.tableCount % 9 !== 0;
    const body: CellInput[][] = [['序号', '项目', '参数', '控制要求']];
    for (let r = 0; r < rows; r++) {
      body.push([
        String(r + 1),
        `${this.pick(PARTS)}${this.pick(PROPERTIES)}`,
        `${this.value()} ${this.pick(['mm', 'N', 's', '℃', 'W'])}`,
        this.pick(['每批检查', '每班抽检', '首件检验', '全数检验']),
      ]);
    }
    const table = tableBlock(caption, body, { id });
    return cited ? [paragraph([`${caption}见`, crossRef(id), '。']), table] : [table];
  }

  private requirementText(leaf: Leaf): InlineInput {
    const parts: (string | ProseMirrorJSON)[] = [
      `${this.pick(CONDITIONS)}，${leaf.subject}${this.pick(VERBS)}设计文件和本文件的规定，${this.pick(OBJECTS)}；`,
      `${leaf.subject.split('的')[0]}的设计值为${this.value()}，允许偏差为±${(this.random() * 5).toFixed(1)}%，出厂时应逐台检查并在产品合格证上标明测定结果`,
    ];
    const n = leaf.group * LEAVES_PER_GROUP + leaf.index;
    if (n % 37 === 5) parts.push('，其安全保护装置必须可靠动作');
    if (n % 41 === 7) parts.push('，使用中不得出现漏电');
    if (n % 23 === 3) parts.push(`，材料应符合${this.cite()}的规定`);
    if (leaf.link === 'requirement-refers') parts.push('，按', crossRef(leaf.testId), '规定的方法试验');
    if (leaf.link === 'requirement-types') parts.push(`，按${leaf.testLabel}试验`);
    parts.push('。');
    return parts;
  }

  private detailText(leaf: Leaf): string {
    const part = leaf.subject.split('的')[0];
    return `${part}在设计寿命期内${this.pick(OBJECTS)}；制造商应在产品技术文件中给出${part}的结构图、材料牌号和关键尺寸，并对影响${PROPERTIES[(leaf.index * 5) % PROPERTIES.length]}的工艺参数进行控制，控制记录保存期不少于3年。批量生产前应对${part}进行小批量试制验证，验证合格后方可转入批量生产；设计变更时应重新评审并验证其对整机性能和安全的影响。`;
  }

  private requirementTable(leaf: Leaf, others: readonly Leaf[]): ProseMirrorJSON {
    const rows: CellInput[][] = [['序号', '项目', '要求', '试验方法']];
    const items = [leaf, ...others];
    items.forEach((item, i) => {
      rows.push([
        String(i + 1),
        item.subject,
        `${this.pick(['≥', '≤', '＜'])}${this.value()} ${this.pick(['MΩ', 'mA', 'K', 'dB(A)', '%'])}`,
        i === 0 && leaf.link !== 'table-column' ? '—' : { content: crossRef(item.testId) },
      ]);
    });
    return tableBlock(`${leaf.subject}要求`, rows, {
      id: tableIdOf(leaf),
      notes: ['表中数值为在额定电压下的测定值。'],
    });
  }

  private requirementGroups(): ProseMirrorJSON[] {
    return GROUPS.map((group, g) => {
      const leaves = this.leaves.filter((l) => l.group === g);
      return clause(
        group,
        ...leaves.map((leaf) => {
          const blocks: ProseMirrorJSON[] = [paragraph(this.requirementText(leaf)), paragraph(this.detailText(leaf))];
          if (leaf.table) {
            blocks.push(paragraph([`${leaf.subject}还应符合`, crossRef(tableIdOf(leaf)), '的规定。']));
            blocks.push(this.requirementTable(leaf, leaves.slice(leaf.index + 1, leaf.index + 6)));
          }
          if (leaf.index % 5 === 4) blocks.push(note(`${leaf.subject}的测定值以三次测定的算术平均值计。`));
          return clause(titled(leaf.subject, leaf.id), ...blocks);
        }),
      );
    });
  }

  private testConditions(): ProseMirrorJSON {
    return clause(
      '试验条件',
      clause(
        '试验环境',
        paragraph(
          '除另有规定外，试验应在温度为（20±5）℃、相对湿度为45%～75%、无明显气流的环境中进行，样品试验前应在该环境中放置不少于4 h。',
        ),
      ),
      clause('试验电源', paragraph('试验电源电压波动不应超过±1%，频率为50 Hz±0.5 Hz。')),
      clause('试验用水', paragraph(`试验用水应符合${this.cite()}中三级水的规定。`)),
      clause(
        '试验仪器',
        paragraph('试验仪器应经计量检定或校准合格，并在有效期内使用。'),
        this.smallTable('试验仪器', 8),
      ),
    );
  }

  private testText(leaf: Leaf): InlineInput {
    const parts: (string | ProseMirrorJSON)[] = [
      `取${this.value()}台样品，${this.pick(CONDITIONS)}，按${this.cite()}规定的方法对${leaf.subject}进行测定，每台样品测定3次，记录测定值及试验中出现的异常现象`,
    ];
    if (leaf.link === 'method-refers') parts.push('，对照', crossRef(leaf.id), '判定');
    else if (leaf.link === 'method-types') parts.push(`，对照${leaf.label}判定`);
    else parts.push('，测定结果应在试验报告中注明');
    if (leaf.index === 2) parts.push('，试验装置见', crossRef(this.annexIds[leaf.group % ANNEX_COUNT] ?? ''));
    parts.push('。');
    return parts;
  }

  /** The steps and the calculation of a test method. */
  private procedure(leaf: Leaf): ProseMirrorJSON[] {
    const part = leaf.subject.split('的')[0];
    return [
      paragraph(
        `试验前检查${part}的安装状态，确认样品无可见缺陷；将样品置于试验台上，连接试验电源和测量仪器，预热${this.value()} min后开始测定。测定过程中不应调整样品和仪器，出现异常时应中止试验并记录原因。试验结束后，样品应在试验环境中恢复不少于1 h，再检查${part}有无变形、开裂、松动和功能失效，并与试验前的状态进行比较。`,
      ),
      paragraph(
        `按公式计算测定结果：X＝（X₁＋X₂＋X₃）/3，式中X为测定结果，X₁、X₂、X₃为三次测定值，结果修约至${this.pick(['整数', '一位小数', '两位小数'])}。`,
      ),
    ];
  }

  private testGroups(): ProseMirrorJSON[] {
    return GROUPS.map((group, g) =>
      clause(
        `${group}试验`,
        ...this.leaves
          .filter((l) => l.group === g)
          .map((leaf) =>
            clause(
              titled(`${leaf.subject}试验`, leaf.testId),
              paragraph(this.testText(leaf)),
              ...this.procedure(leaf),
              ...(leaf.index === 7 && g < 4 ? [this.smallTable(`${leaf.subject}试验参数`, 6)] : []),
            ),
          ),
      ),
    );
  }

  private inspectionClauses(): ProseMirrorJSON[] {
    const tables: ProseMirrorJSON[] = [];
    const citations: (string | ProseMirrorJSON)[] = ['检验分为出厂检验和型式检验，检验项目见'];
    for (let part = 0; part < 4; part++) {
      const rows: CellInput[][] = [[...INSPECTION_TABLE_COLUMNS]];
      this.leaves
        .filter((l) => l.group % 4 === part)
        .forEach((leaf, i) => {
          rows.push([
            String(i + 1),
            leaf.subject,
            { content: crossRef(leaf.id) },
            { content: crossRef(leaf.testId) },
            i % 3 === 0 ? '√' : '—',
            '√',
          ]);
        });
      const id = stableId(`${SCOPE}#inspection${part}`);
      tables.push(tableBlock(`检验项目（第${part + 1}部分）`, rows, { id, notes: [INSPECTION_TABLE_NOTE] }));
      citations.push(part === 0 ? '' : '、', crossRef(id));
    }
    return [
      clause('检验分类', paragraph([...citations, '。']), ...tables),
      clause(
        '出厂检验',
        clause('总则', paragraph('每批产品应经制造商质量检验部门检验合格，并附产品合格证后方可出厂。')),
        clause('组批', paragraph('以同一原材料、同一工艺、同一规格连续生产的产品为一批。')),
        clause('抽样', paragraph(`按${this.cite()}规定的正常检验一次抽样方案抽样。`)),
        clause('判定', paragraph('各检验项目均符合要求时，判该批产品出厂检验合格。')),
      ),
      clause(
        '型式检验',
        clause(
          '检验时机',
          paragraph('有下列情况之一时，应进行型式检验：'),
          letteredList(['新产品投产时', '原材料、结构、工艺有较大改变时', '正常生产时，每年至少进行一次']),
        ),
        clause('抽样', paragraph(`按${this.cite()}规定的一次抽样方案，样本量为6台。`)),
        clause('判定', paragraph('型式检验项目全部符合本文件要求时，判型式检验合格。')),
      ),
    ];
  }

  private markingClauses(): ProseMirrorJSON[] {
    return [
      clause(
        '标志',
        clause('产品标志', paragraph(`产品铭牌应符合${this.cite()}的规定，内容清晰、牢固。`)),
        clause(
          '销售包装标志',
          paragraph('销售包装上应标明下列内容：'),
          dashList(['产品名称、型号和额定容量', '额定电压、额定功率', '执行标准编号', '制造商名称和地址']),
          this.smallTable('销售包装标志内容', 6),
        ),
        clause('包装储运标志', paragraph(`包装储运图示标志应符合${this.cite()}的规定。`)),
      ),
      clause(
        '包装',
        clause('包装要求', paragraph(`包装应符合${this.cite()}的规定。`)),
        clause('随附文件', paragraph(`使用说明书应符合${this.cite()}的规定。`), this.smallTable('随附文件', 4)),
        clause('包装试验', paragraph('包装件应能承受正常运输中的跌落和振动。')),
      ),
      clause(
        '运输',
        clause('运输方式', paragraph('运输中应轻装轻卸。')),
        clause('运输防护', paragraph('防止雨淋和暴晒。')),
      ),
      clause(
        '贮存',
        clause('贮存环境', paragraph('产品应贮存在通风、干燥的室内。')),
        clause('堆码', paragraph('堆码层数不应超过包装上标明的层数。')),
      ),
    ];
  }

  private commitmentClauses(): ProseMirrorJSON[] {
    return [
      clause('产品保证', paragraph('自销售之日起24个月内，产品因制造质量问题出现故障的，制造商应负责免费维修或更换。')),
      clause('质量追溯', paragraph('制造商应建立质量追溯制度，能够通过产品批号追溯原材料批次和检验记录。')),
      clause(
        '服务响应',
        // A defect: a cross-reference whose target was deleted.
        paragraph(['制造商应在收到用户投诉后24 h内作出响应，处理程序见', crossRef(stableId(`${SCOPE}#deleted`)), '。']),
      ),
      clause('信息安全', paragraph('智能控制功能采集的用户数据应加密存储，未经用户同意不应向第三方提供。')),
    ];
  }

  private annexes(): ProseMirrorJSON[] {
    return this.annexIds.map((id, a) => {
      const normative = a < 6 ? 'normative' : 'informative';
      const topic = GROUPS[a % GROUP_COUNT] ?? '';
      return annex(
        normative,
        titled(`${topic}试验装置及方法`, id),
        clause(
          '原理',
          paragraph(
            `在规定条件下对${this.terms[(a * 17) % TERM_COUNT]}施加规定的负荷，测定其${topic}相关参数的变化。试验在模拟实际使用的条件下进行，负荷的大小、施加方式和持续时间按产品的额定参数确定，以测定值与初始值之差评价其性能。`,
          ),
        ),
        clause(
          '试验装置',
          paragraph('试验装置由以下部分组成：'),
          dashList(['恒温试验箱，控温精度±1 ℃', '数据采集仪，采样间隔不大于1 s', '样品固定夹具']),
          this.smallTable(`${topic}试验装置参数`, 6),
        ),
        clause('样品准备', paragraph('样品应在试验环境中放置不少于4 h，并清除表面附着物。')),
        clause(
          '试验步骤',
          clause('预处理', paragraph('将样品注入额定容量的试验用水，通电加热至沸腾后断电。')),
          clause('测定', paragraph(`按规定的时间间隔记录${topic}参数，连续测定不少于${this.value()}次。`)),
        ),
        clause('结果计算', paragraph('以各次测定值的算术平均值作为试验结果，修约至整数。')),
        clause('试验报告', paragraph('试验报告应包括样品信息、试验条件、试验结果和试验日期。')),
      );
    });
  }
}

/** The realistic 100-page standard (deterministic). */
export function buildLargeStandard(): ProseMirrorJSON {
  return new LargeStandardBuilder().build();
}
