/**
 * The standard text (标准文本) of a Zhejiang Made product standard, structured after GB/T 1.1—2020
 * and the conventional chapter sequence of T/ZZB product standards. The cover, foreword and fixed
 * sentences are exported so that filled-in documents (the demo project) share them with the
 * new-project template.
 */
import type { ProseMirrorJSON } from '../../../shared/editor/yjsContent.js';
import {
  bold,
  doc,
  heading,
  horizontalRule,
  italic,
  joinNames,
  paragraph,
  placeholder,
  placeholderTable,
  placeholderText,
  tableTitle,
  term,
  text,
} from './builders.js';
import type { TemplateInput } from './types.js';

/** Stage labels printed on the cover. */
export const STAGE_LABELS = ['征求意见稿', '送审稿', '报批稿'] as const;
export type StageLabel = (typeof STAGE_LABELS)[number];

/** The cover notice of the 征求意见稿 and 送审稿 (GB/T 1.1—2020): a call to report known patents. */
export const COVER_PATENT_NOTICE = '在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。';

/** The foreword's drafting-rules statement. */
export const DRAFTING_RULES_STATEMENT =
  '本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。';

/** The foreword's patent disclaimer. */
export const PATENT_DISCLAIMER = '请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。';

/** The fixed lead-in of chapter 2. */
export const NORMATIVE_REFERENCES_LEAD_IN =
  '下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。';

/** Chapter 2 when there is nothing to reference. */
export const NO_NORMATIVE_REFERENCES = '本文件没有规范性引用文件。';

/** The fixed lead-in of chapter 3. */
export const TERMS_LEAD_IN = '下列术语和定义适用于本文件。';

/** Chapter 3 when there is nothing to define. */
export const NO_TERMS = '本文件没有需要界定的术语和定义。';

/** The generated-contents note under 目次. */
export const CONTENTS_NOTE = '目次由系统根据章、条和附录标题自动生成（不列出术语条目），请勿手工编辑。';

/** The standard's number, or the placeholder `T/ZZB XXXX—YYYY` before one is assigned. */
export function standardNumberOf(input: Pick<TemplateInput, 'standardNumber' | 'year'>): string {
  return input.standardNumber ?? `T/ZZB XXXX—${input.year}`;
}

/** The registration-number line printed below the standard's number, before one is assigned. */
export function registrationNumberPlaceholder(year: number): string {
  return `ZZB T□□□□-${year}`;
}

export interface CoverOptions {
  /** e.g. `ICS 97.040.60`; a placeholder when absent. */
  ics?: string;
  /** e.g. `CCS Y 29`; a placeholder when absent. */
  ccs?: string;
  /** Default 征求意见稿. */
  stage?: StageLabel;
  /** Publication and implementation dates, `YYYY-MM-DD`; placeholders when absent. */
  publicationDate?: string;
  implementationDate?: string;
  /** The registration number once assigned (e.g. `ZZB T0123-2026`). */
  registrationNumber?: string;
}

/** The cover block (封面). */
export function standardCover(input: TemplateInput, options: CoverOptions = {}): ProseMirrorJSON[] {
  const stage = options.stage ?? '征求意见稿';
  const blocks: ProseMirrorJSON[] = [
    paragraph(options.ics ?? [text('ICS '), placeholderText('填写ICS分类号，如97.040.60')]),
    paragraph(options.ccs ?? [text('CCS '), placeholderText('填写中国标准文献分类号，如Y 29')]),
    paragraph(bold('团　体　标　准')),
    paragraph(bold(standardNumberOf(input))),
    paragraph(options.registrationNumber ?? registrationNumberPlaceholder(input.year)),
    paragraph(bold(input.nameZh)),
    paragraph(input.nameEn),
    paragraph(`（${stage}）`),
  ];
  if (stage !== '报批稿') blocks.push(paragraph(italic(COVER_PATENT_NOTICE)));
  blocks.push(
    paragraph(
      `${options.publicationDate ?? '××××-××-××'}发布　　　　${options.implementationDate ?? '××××-××-××'}实施`,
    ),
    paragraph(bold(`${input.publishingBody}　发布`)),
    horizontalRule(),
  );
  return blocks;
}

/** 目次: the heading and the note that it is generated. */
export function standardContents(): ProseMirrorJSON[] {
  return [heading(1, '目次'), paragraph(italic(CONTENTS_NOTE))];
}

/**
 * 前言, generated from the drafting group: the drafting-rules statement, the patent disclaimer,
 * 提出并归口, 主要起草单位, 参与起草单位（排名不分先后）and 主要起草人. `extra` paragraphs (e.g. what
 * this edition replaces) go after the patent disclaimer.
 */
export function standardForeword(input: TemplateInput, extra: readonly ProseMirrorJSON[] = []): ProseMirrorJSON[] {
  const proposer = input.proposer ?? input.publishingBody;
  const participating =
    input.participatingOrganizationNames.length > 0
      ? text(`${joinNames(input.participatingOrganizationNames)}。`)
      : placeholderText('在此填写参与起草单位，即起草组中牵头起草单位以外的单位');
  const drafters =
    input.drafterNames.length > 0
      ? text(`${joinNames(input.drafterNames)}。`)
      : placeholderText('在此填写主要起草人');
  return [
    heading(1, '前言'),
    paragraph(DRAFTING_RULES_STATEMENT),
    paragraph(PATENT_DISCLAIMER),
    ...extra,
    paragraph(`本文件由${proposer}提出并归口。`),
    paragraph(`本文件主要起草单位：${input.leadOrganizationName}。`),
    paragraph([text('本文件参与起草单位（排名不分先后）：'), participating]),
    paragraph([text('本文件主要起草人：'), drafters]),
  ];
}

/** The standard text of a new project: the full chapter skeleton with guidance placeholders. */
export function standardTemplate(input: TemplateInput): ProseMirrorJSON {
  return doc(
    standardCover(input),
    standardContents(),
    standardForeword(input),

    heading(1, '1 范围'),
    paragraph(
      `本文件规定了${input.nameZh}的术语和定义、基本要求、技术要求、试验方法、检验规则、标志、包装、运输和贮存及质量承诺。`,
    ),
    paragraph([text('本文件适用于'), placeholderText('在此填写适用的产品范围，如材质、结构、规格'), text('。')]),

    heading(1, '2 规范性引用文件'),
    paragraph(NORMATIVE_REFERENCES_LEAD_IN),
    placeholder(
      '在此逐行列出文中规范性引用的文件，顺序为：国家标准（GB、GB/T、GB/Z）、行业标准、地方标准、团体标准、ISO、IEC、其他国际文件；注日期引用写作“GB/T 2828.1—2012　计数抽样检验程序　第1部分：按接收质量限（AQL）检索的逐批检验抽样计划”，不注日期引用写作“GB/T 191　包装储运图示标志”',
    ),
    placeholder(`没有规范性引用文件时，删除上述内容，改为：“${NO_NORMATIVE_REFERENCES}”`),

    heading(1, '3 术语和定义'),
    paragraph(TERMS_LEAD_IN),
    term('3.1', '［术语］', '［English equivalent］', '［在此填写定义：不包含要求，不使用“应”“宜”“可”］'),
    term('3.2', '［术语］', '［English equivalent］', '［在此填写定义；术语应在正文中使用，未使用的术语删除］'),
    placeholder(`没有需要界定的术语时，删除上述条目，改为：“${NO_TERMS}”`),

    heading(1, '4 基本要求'),
    heading(2, '4.1 设计研发'),
    placeholder('在此填写设计研发方面的要求，如设计手段（三维建模、仿真分析）、研发能力、试验验证要求'),
    heading(2, '4.2 原材料'),
    placeholder('在此填写主要原材料、零部件的牌号、性能和供应商质量管控要求，并引用相应标准'),
    heading(2, '4.3 工艺装备'),
    placeholder('在此填写关键工序、工艺方法和生产装备的要求，如自动化、在线检测'),
    heading(2, '4.4 检验检测'),
    placeholder('在此填写企业应配备的检验检测设备及其能力要求，以及可委托检测的项目'),

    heading(1, '5 技术要求'),
    heading(2, '5.1 外观'),
    placeholder('在此填写外观要求，用“应”“不应”表述要求'),
    heading(2, '5.2 性能'),
    paragraph('产品性能应符合表1的规定。'),
    tableTitle(1, '性能要求'),
    placeholderTable(['序号', '项目', '要求', '试验方法'], 3, '填写'),
    placeholder('表中“试验方法”列填写第6章中对应的条号；关键指标应体现“国际先进、国内一流”的定位，并在编制说明中给出对比依据'),

    heading(1, '6 试验方法'),
    heading(2, '6.1 试验条件'),
    placeholder('在此填写试验环境温度、湿度及试验用水、仪器准确度等通用条件'),
    heading(2, '6.2 外观'),
    paragraph([text('按5.1的规定，'), placeholderText('在此填写检验方法，如在自然光下目测、手感检查'), text('。')]),
    heading(2, '6.3 性能'),
    paragraph([text('按表1的规定，'), placeholderText('逐项给出试验方法，每一试验方法对应一项要求，并注明所检验的要求条号'), text('。')]),

    heading(1, '7 检验规则'),
    heading(2, '7.1 检验分类'),
    paragraph('产品检验分为出厂检验和型式检验，检验项目见表2。'),
    heading(2, '7.2 出厂检验'),
    placeholder('在此填写组批、抽样方案（如按GB/T 2828.1）、检验项目和判定规则'),
    heading(2, '7.3 型式检验'),
    placeholder('在此填写应进行型式检验的情形、抽样方案（如按GB/T 2829）和判定规则'),
    tableTitle(2, '检验项目'),
    placeholderTable(['序号', '检验项目', '技术要求', '试验方法', '出厂检验', '型式检验'], 3, '填写'),

    heading(1, '8 标志、包装、运输和贮存'),
    heading(2, '8.1 标志'),
    placeholder('在此填写产品及包装上的标志内容，包装储运图示标志引用GB/T 191'),
    heading(2, '8.2 包装'),
    placeholder('在此填写包装要求'),
    heading(2, '8.3 运输'),
    placeholder('在此填写运输要求'),
    heading(2, '8.4 贮存'),
    placeholder('在此填写贮存要求'),

    heading(1, '9 质量承诺'),
    heading(2, '9.1 质量保证'),
    placeholder('在此填写产品质量保证期、包修包换包退等承诺'),
    heading(2, '9.2 服务响应'),
    placeholder('在此填写客户投诉、售后服务的响应时间和处理要求'),

    heading(1, '附录A（规范性）　［附录标题］'),
    placeholder('附录按在正文中首次引用的顺序编为附录A、附录B……，标明“规范性”或“资料性”；每个附录都应在正文中被引用，不需要附录时删除本部分'),
    heading(2, 'A.1 ［条标题］'),
    placeholder('在此填写附录内容'),
    heading(2, 'A.2 ［条标题］'),
    placeholder('在此填写附录内容'),

    heading(1, '参考文献'),
    placeholder('在此按序号列出资料性引用的文件，如“［1］GB/T 29606—2013　不锈钢真空杯”；没有时删除本部分'),
  );
}

