/**
 * The standard text (标准文本) of a Zhejiang Made product standard, structured after GB/T 1.1—2020
 * and the conventional chapter sequence of T/ZZB product standards (docs/document-model.md):
 * `standardCover`, `tableOfContents`, `foreword` (with the generated `draftingCredits`), chapters
 * with their roles, an annex and the bibliography. The cover and foreword are exported so that
 * filled-in documents (the demo project) share them with the new-project template; chapter titles
 * and the fixed sentences of chapters 2 and 3 are the document model's (shared/editor/structure).
 */
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import {
  annex,
  bibliography,
  chapter,
  clause,
  crossRef,
  draftingCredits,
  foreword,
  idsFor,
  italic,
  paragraph,
  placeholder,
  placeholderRows,
  placeholderText,
  referenceEntry,
  referenceText,
  standardCover,
  structuredDoc,
  tableBlock,
  tableOfContents,
  termEntry,
  titled,
  type CoverFields,
} from '@shared/editor/builders/index.js';
import { NORMATIVE_REFERENCES_LEAD_IN, TERMS_LEAD_IN } from '@shared/editor/structure/fixedSentences.js';
import { CHAPTER_ROLE_TITLES } from '@shared/editor/structure/names.js';
import type { TemplateInput } from './types.js';

/** The foreword's drafting-rules statement. */
export const DRAFTING_RULES_STATEMENT =
  '本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。';

/** The foreword's patent disclaimer. */
export const PATENT_DISCLAIMER = '请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。';

/** The four clauses of 基本要求, in order. */
export const BASIC_REQUIREMENT_CLAUSES = ['设计研发', '原材料', '工艺装备', '检验检测'] as const;

/** The standard's number, or the placeholder `T/ZZB XXXX—YYYY` before one is assigned. */
export function standardNumberOf(input: Pick<TemplateInput, 'standardNumber' | 'year'>): string {
  return input.standardNumber ?? `T/ZZB XXXX—${input.year}`;
}

/** The cover fields beyond what the template input gives (the stage defaults to 征求意见稿). */
export type CoverOptions = Partial<Omit<CoverFields, 'titleZh' | 'titleEn' | 'publisher'>>;

/**
 * The cover (封面) of a project's standard: titles and publisher from the template input, the
 * number when assigned; every other field `''` until filled in on the cover form. The patent notice
 * and the placeholders of unfilled fields are rendered from the stage, never typed.
 */
export function standardCoverFor(input: TemplateInput, options: CoverOptions = {}): ProseMirrorJSON {
  return standardCover({
    ...options,
    standardNumber: options.standardNumber ?? input.standardNumber ?? '',
    titleZh: input.nameZh,
    titleEn: input.nameEn,
    publisher: input.publishingBody,
  });
}

/**
 * 前言: the drafting-rules statement, the patent disclaimer, `extra` paragraphs (e.g. what this
 * edition replaces), 提出并归口, and the drafting credits (主要起草单位, 参与起草单位（排名不分先后）,
 * 主要起草人), which the product generates from the drafting group.
 */
export function standardForeword(input: TemplateInput, extra: readonly ProseMirrorJSON[] = []): ProseMirrorJSON {
  const proposer = input.proposer ?? input.publishingBody;
  return foreword(
    paragraph(DRAFTING_RULES_STATEMENT),
    paragraph(PATENT_DISCLAIMER),
    ...extra,
    paragraph(`本文件由${proposer}提出并归口。`),
    draftingCredits(),
  );
}

/** Cover, contents and foreword. */
export function standardFrontMatter(input: TemplateInput, cover: CoverOptions = {}): ProseMirrorJSON[] {
  return [standardCoverFor(input, cover), tableOfContents(), standardForeword(input)];
}

/** The id scope of the new-project standard template. */
export const STANDARD_TEMPLATE_SCOPE = 'template/standard';

/** Ids of the template's cross-referenced nodes (deterministic). */
export const STANDARD_TEMPLATE_IDS = idsFor(STANDARD_TEMPLATE_SCOPE, [
  'appearance',
  'performance',
  'performanceTable',
  'inspectionTable',
  'annexA',
]);

/** Columns of the performance-requirements table of the template. */
const PERFORMANCE_COLUMNS = ['序号', '项目', '要求', '试验方法'] as const;

/** Columns of the inspection-items table (出厂检验 / 型式检验). */
export const INSPECTION_TABLE_COLUMNS = ['序号', '检验项目', '技术要求', '试验方法', '出厂检验', '型式检验'] as const;

/** The note of the inspection-items table. */
export const INSPECTION_TABLE_NOTE = '“√”为检验项目，“—”为非检验项目。';

/** The standard text of a new project: the full chapter skeleton with guidance placeholders. */
export function standardTemplate(input: TemplateInput): ProseMirrorJSON {
  const id = STANDARD_TEMPLATE_IDS;
  const t = CHAPTER_ROLE_TITLES;
  return structuredDoc(
    STANDARD_TEMPLATE_SCOPE,
    standardFrontMatter(input),

    chapter(
      'scope',
      t.scope,
      paragraph(
        `本文件规定了${input.nameZh}的术语和定义、基本要求、技术要求、试验方法、检验规则、标志、包装、运输和贮存及质量承诺。`,
      ),
      paragraph(['本文件适用于', placeholderText('在此填写适用的产品范围，如材质、结构、规格'), '。']),
    ),

    chapter(
      'normative-references',
      t['normative-references'],
      paragraph(NORMATIVE_REFERENCES_LEAD_IN),
      referenceEntry(referenceText('GB/T 191', '包装储运图示标志')),
      referenceEntry(
        referenceText('GB/T 2828.1—2012', '计数抽样检验程序　第1部分：按接收质量限（AQL）检索的逐批检验抽样计划'),
      ),
      referenceEntry(referenceText('GB/T 2829—2002', '周期检验计数抽样程序及表（适用于对过程稳定性的检验）')),
      placeholder(
        '在此逐条增加文中规范性引用的文件，每条为“文件代号　文件名称”，顺序为：国家标准（GB、GB/T、GB/Z）、行业标准、地方标准、团体标准、ISO、IEC、其他国际文件，同类按顺序号排列；注日期引用写作“GB/T 2828.1—2012”，不注日期引用写作“GB/T 191”；文中未引用的文件删除',
      ),
      placeholder(
        '没有规范性引用文件时，删除引导语和上述条目，改用规定的固定表述，写明本文件没有规范性引用文件（起草检查会给出该句）',
      ),
    ),

    chapter(
      'terms',
      t.terms,
      paragraph(TERMS_LEAD_IN),
      termEntry(
        placeholderText('术语'),
        placeholderText('English equivalent'),
        placeholderText('在此填写定义：只作描述，不写要求、推荐或允许的表述'),
      ),
      termEntry(
        placeholderText('术语'),
        placeholderText('English equivalent'),
        placeholderText('在此填写定义；正文中未使用的术语删除'),
      ),
      placeholder(
        '没有需要界定的术语时，删除引导语和上述条目，改用规定的固定表述，写明本文件没有需要界定的术语和定义（起草检查会给出该句）',
      ),
    ),

    chapter(
      'basic-requirements',
      t['basic-requirements'],
      clause(
        '设计研发',
        placeholder('在此填写设计研发方面的要求，如设计手段（三维建模、仿真分析）、研发能力、试验验证要求'),
      ),
      clause('原材料', placeholder('在此填写主要原材料、零部件的牌号、性能和供应商质量管控要求，并引用相应标准')),
      clause('工艺装备', placeholder('在此填写关键工序、工艺方法和生产装备的要求，如自动化、在线检测')),
      clause('检验检测', placeholder('在此填写企业应配备的检验检测设备及其能力要求，以及可委托检测的项目')),
    ),

    chapter(
      'technical-requirements',
      t['technical-requirements'],
      clause(titled('外观', id.appearance), placeholder('在此填写外观要求，用“应”“不应”表述要求')),
      clause(
        titled('性能', id.performance),
        paragraph(['产品性能应符合', crossRef(id.performanceTable), '的规定。']),
        tableBlock('性能要求', placeholderRows(PERFORMANCE_COLUMNS, 3), { id: id.performanceTable }),
        placeholder(
          '表中“试验方法”列插入指向“试验方法”一章对应条的交叉引用；关键指标应体现“国际先进、国内一流”的定位，并在编制说明中给出对比依据',
        ),
      ),
    ),

    chapter(
      'test-methods',
      t['test-methods'],
      clause('试验条件', placeholder('在此填写试验环境温度、湿度及试验用水、仪器准确度等通用条件')),
      clause(
        '外观',
        paragraph([
          placeholderText('在此填写检验方法，如在自然光下目测、手感检查'),
          '，对照',
          crossRef(id.appearance),
          '判定。',
        ]),
      ),
      clause(
        '性能',
        paragraph([
          placeholderText('逐项给出试验方法，每一试验方法对应一项要求，必要时分条编写'),
          '，对照',
          crossRef(id.performance),
          '中',
          crossRef(id.performanceTable),
          '的相应项目判定。',
        ]),
        paragraph([
          placeholderText('试验方法篇幅较长时'),
          '按',
          crossRef(id.annexA),
          '规定的方法进行',
          placeholderText('不需要附录时删除本句和附录'),
          '。',
        ]),
      ),
    ),

    chapter(
      'inspection-rules',
      t['inspection-rules'],
      clause(
        '检验分类',
        paragraph(['产品检验分为出厂检验和型式检验，检验项目见', crossRef(id.inspectionTable), '。']),
        tableBlock('检验项目', placeholderRows(INSPECTION_TABLE_COLUMNS, 3), {
          id: id.inspectionTable,
          notes: [INSPECTION_TABLE_NOTE],
        }),
      ),
      clause(
        '出厂检验',
        paragraph([
          '出厂检验的抽样按GB/T 2828.1—2012的规定进行，',
          placeholderText('在此填写组批规则、检验水平和接收质量限（AQL）、检验项目和判定规则'),
          '。',
        ]),
      ),
      clause(
        '型式检验',
        paragraph([
          '型式检验的抽样按GB/T 2829—2002的规定进行，',
          placeholderText('在此填写应进行型式检验的情形、判别水平和不合格质量水平（RQL）、判定规则'),
          '。',
        ]),
      ),
    ),

    chapter(
      'marking',
      t.marking,
      clause(
        '标志',
        placeholder('在此填写产品及包装上的标志内容'),
        paragraph('包装储运图示标志应符合GB/T 191的规定。'),
      ),
      clause('包装', placeholder('在此填写包装要求')),
      clause('运输', placeholder('在此填写运输要求')),
      clause('贮存', placeholder('在此填写贮存要求')),
    ),

    chapter(
      'quality-commitment',
      t['quality-commitment'],
      clause('质量保证', placeholder('在此填写产品质量保证期、包修包换包退等承诺')),
      clause('服务响应', placeholder('在此填写客户投诉、售后服务的响应时间和处理要求')),
    ),

    annex(
      'normative',
      titled([italic('［附录标题］')], id.annexA),
      placeholder(
        '附录按在正文中首次引用的顺序编为附录A、附录B……，选择“规范性”或“资料性”；每个附录都应在正文中被引用，不需要附录时删除本附录及其引用',
      ),
      placeholder('在此填写附录内容；需要分条时，至少分为两条（A.1、A.2……由系统编号）'),
    ),

    bibliography(
      placeholder('在此按序号列出资料性引用的文件，如“［1］GB/T 29606—2013　不锈钢真空杯”；没有时删除参考文献'),
    ),
  );
}
