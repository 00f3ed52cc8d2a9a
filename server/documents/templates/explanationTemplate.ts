/**
 * The drafting explanation (标准编制说明) with its ten classic sections, as `chapter`s (role
 * `other`) with `clause`s and `tableBlock`s. Section 4, the comparison of key indicators against
 * national/industry standards, international or foreign standards and measured leading products, is
 * what the technical review judges the standard's advancement on.
 */
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import {
  bold,
  chapter,
  clause,
  crossRef,
  idsFor,
  paragraph,
  placeholder,
  placeholderText,
  structuredDoc,
  tableBlock,
  titled,
  type CellInput,
  type TableBlockOptions,
} from '@shared/editor/builders/index.js';
import { STANDARD_STAGES, type StandardStage } from '@shared/editor/structure/names.js';
import { standardNumberOf } from './standardTemplate.js';
import type { TemplateInput } from './types.js';

/** The ten section titles, in order (numbers are computed). */
export const EXPLANATION_SECTIONS = [
  '工作简况',
  '标准编制原则和主要内容的确定依据',
  '主要试验（或验证）情况分析、技术经济论证及预期效益',
  '标准先进性分析',
  '与现行相关法律、法规、规章及强制性标准的关系',
  '重大分歧意见的处理经过和依据',
  '作为强制性标准或推荐性标准的建议',
  '贯彻标准的要求和措施建议',
  '废止现行有关标准的建议',
  '其他应予说明的事项',
] as const;

/** Columns of the key-indicator comparison table (section 4). */
export const COMPARISON_TABLE_COLUMNS = [
  '指标',
  '本标准',
  '国家/行业标准',
  '国际/国外标准',
  '国内外领先产品实测',
  '结论',
] as const;

/** Captions of the explanation's tables. */
export const EXPLANATION_TABLE_CAPTIONS = {
  units: '起草单位及分工',
  process: '主要工作过程',
  drafters: '主要起草人及其所做工作',
  comparison: '关键指标对比',
} as const;

/** Columns of the table of drafting units and their contributions. */
export const UNIT_TABLE_COLUMNS = ['序号', '单位名称', '起草组中的身份', '主要工作'] as const;

/** Columns of the table of main steps. */
export const PROCESS_TABLE_COLUMNS = ['阶段', '时间', '主要工作'] as const;

/** Columns of the table of drafters. */
export const DRAFTER_TABLE_COLUMNS = ['序号', '姓名', '单位', '职务/职称', '所做工作'] as const;

/** The main steps listed in every explanation. */
export const PROCESS_STEPS = ['立项', '启动会', '研讨会', '征求意见', '技术审评'] as const;

/** The keys of the explanation's cross-referenced nodes (templates and demo alike). */
export const EXPLANATION_ID_KEYS = [
  'unitsTable',
  'processTable',
  'draftersTable',
  'comparison',
  'comparisonTable',
] as const;

export interface DocumentHeaderOptions {
  /** Stage of the accompanying standard text; default 征求意见稿. */
  stage?: StandardStage;
  /** Date line under the title, e.g. 2026年3月; a placeholder when absent. */
  date?: string;
}

/**
 * The title block shared by the explanation and the application report: the title line, then one
 * line with the stage, the standard's number, the drafting group and the date.
 */
export function documentHeader(
  input: TemplateInput,
  documentName: string,
  options: DocumentHeaderOptions = {},
): ProseMirrorJSON[] {
  return [
    paragraph(bold(`“浙江制造”标准《${input.nameZh}》${documentName}`)),
    paragraph(
      `（${options.stage ?? STANDARD_STAGES[0]}）　标准编号：${standardNumberOf(input)}　${input.leadOrganizationName}标准起草组　${options.date ?? '××××年××月'}`,
    ),
  ];
}

/** A numbered table whose first row is `columns` and whose body is `rows`. */
export function columnsTable(
  caption: string,
  columns: readonly string[],
  rows: readonly (readonly CellInput[])[],
  options: TableBlockOptions = {},
): ProseMirrorJSON {
  return tableBlock(caption, [columns.map((c) => c), ...rows], options);
}

/** The id scope of the new-project explanation template. */
export const EXPLANATION_TEMPLATE_SCOPE = 'template/explanation';

/** The drafting explanation of a new project, with the drafting group pre-filled where known. */
export function explanationTemplate(input: TemplateInput): ProseMirrorJSON {
  const p = placeholderText;
  const id = idsFor(EXPLANATION_TEMPLATE_SCOPE, EXPLANATION_ID_KEYS);
  const caption = EXPLANATION_TABLE_CAPTIONS;
  const s = EXPLANATION_SECTIONS;
  const units: CellInput[][] = [
    ['1', input.leadOrganizationName, '牵头起草单位', { content: p('填写承担的工作') }],
    ...input.participatingOrganizationNames.map((name, i): CellInput[] => [
      String(i + 2),
      name,
      '参与起草单位',
      { content: p('填写承担的工作') },
    ]),
  ];
  const drafters: CellInput[][] =
    input.drafterNames.length > 0
      ? input.drafterNames.map((name, i): CellInput[] => [
          String(i + 1),
          name,
          { content: p('单位') },
          { content: p('职务/职称') },
          { content: p('所做工作') },
        ])
      : [
          [
            '1',
            { content: p('姓名') },
            { content: p('单位') },
            { content: p('职务/职称') },
            { content: p('所做工作') },
          ],
        ];
  const comparisonRows: CellInput[][] = [1, 2, 3].map(() => [
    { content: p('指标及试验条件') },
    { content: p('用“关联指标”插入标准文本中的要求值，并插入指向要求条款的交叉引用') },
    { content: p('标准号及要求') },
    { content: p('ISO/IEC/EN/ASTM/JIS等标准号及要求') },
    { content: p('产品及实测值') },
    { content: p('国际领先/国际先进/国内领先') },
  ]);

  return structuredDoc(
    EXPLANATION_TEMPLATE_SCOPE,
    documentHeader(input, '编制说明'),

    chapter(
      'other',
      s[0],
      clause(
        '任务来源',
        paragraph([
          '根据《',
          p('填写年度及批次，如2026年第一批'),
          '“浙江制造”标准研制计划》（计划编号：',
          p('填写计划编号'),
          `），《${input.nameZh}》“浙江制造”标准由${input.leadOrganizationName}牵头研制，研制周期为六个月。`,
        ]),
      ),
      clause('编制目的和意义', placeholder('在此填写产业现状、产品市场情况、制定本标准的必要性和预期作用')),
      clause(
        '起草单位及分工',
        paragraph([
          '标准起草组由同类企业、上下游企业、标准化技术委员会、检验检测和认证认可机构等方面的单位组成，各单位分工见',
          crossRef(id.unitsTable),
          '。',
        ]),
        columnsTable(caption.units, UNIT_TABLE_COLUMNS, units, { id: id.unitsTable }),
      ),
      clause(
        '主要工作过程',
        paragraph(['标准研制的主要工作过程见', crossRef(id.processTable), '。']),
        columnsTable(
          caption.process,
          PROCESS_TABLE_COLUMNS,
          PROCESS_STEPS.map((step): CellInput[] => [
            step,
            { content: p('日期') },
            { content: p('工作内容、参加单位、形成的结论') },
          ]),
          { id: id.processTable },
        ),
      ),
      clause(
        '主要起草人及其所做工作',
        paragraph(['主要起草人及其所做工作见', crossRef(id.draftersTable), '。']),
        columnsTable(caption.drafters, DRAFTER_TABLE_COLUMNS, drafters, { id: id.draftersTable }),
      ),
    ),

    chapter(
      'other',
      s[1],
      clause('编制原则', placeholder('在此填写编制原则，如合规性、先进性、经济性、可操作性，对标国际先进标准的做法')),
      clause(
        '主要技术内容的确定依据',
        placeholder('按标准章条逐项说明技术指标、参数、试验方法的确定依据，给出试验数据、对比数据或文献依据'),
      ),
    ),

    chapter(
      'other',
      s[2],
      clause('试验验证情况', placeholder('在此填写试验和生产实施验证的样品、批次、检测机构和结果分析')),
      clause('技术经济论证及预期效益', placeholder('在此填写成本分析、预期的经济效益和社会效益')),
    ),

    chapter(
      'other',
      s[3],
      clause(
        '国内外相关标准情况',
        placeholder('在此列出国家标准、行业标准及ISO、IEC、EN、ASTM、JIS等国际或国外标准，说明其适用范围和主要指标'),
      ),
      clause(
        titled('关键指标对比', id.comparison),
        paragraph(['本标准关键指标与国内外标准及国内外领先产品实测值的对比见', crossRef(id.comparisonTable), '。']),
        columnsTable(caption.comparison, COMPARISON_TABLE_COLUMNS, comparisonRows, { id: id.comparisonTable }),
      ),
      clause(
        '先进性结论',
        paragraph([
          p('在此综合'),
          crossRef(id.comparisonTable),
          p('给出结论，说明标准是否达到“国际先进、国内一流”水平'),
        ]),
      ),
    ),

    chapter('other', s[4], placeholder('在此说明本标准与现行法律、法规、规章及强制性国家标准的协调一致情况')),
    chapter(
      'other',
      s[5],
      placeholder('在此填写重大分歧意见及其处理经过和依据；没有时写“本标准研制过程中无重大分歧意见。”'),
    ),
    chapter('other', s[6], paragraph('本标准为“浙江制造”团体标准，供社会自愿采用，不涉及强制性标准的建议。')),
    chapter('other', s[7], placeholder('在此填写宣贯培训、实施推广、“浙江制造”认证等措施建议')),
    chapter('other', s[8], placeholder('在此填写本标准实施后建议废止的标准；没有时写“无。”')),
    chapter('other', s[9], placeholder('在此填写其他需要说明的事项，如涉及专利的情况；没有时写“无。”')),
  );
}
