/**
 * The implementation/application report (标准实施应用报告): how the draft was verified in
 * production — products and batches made to it, test results against each indicator, cost and
 * benefit, and the readiness of suppliers and testing bodies. A title line, then `chapter`s (role
 * `other`) with `clause`s and `tableBlock`s.
 */
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import {
  chapter,
  clause,
  crossRef,
  idsFor,
  paragraph,
  placeholder,
  placeholderText,
  structuredDoc,
  type CellInput,
} from '@shared/editor/builders/index.js';
import { columnsTable, documentHeader } from './explanationTemplate.js';
import type { TemplateInput } from './types.js';

/** The six section titles, in order (numbers are computed). */
export const APPLICATION_REPORT_SECTIONS = [
  '概述',
  '生产实施验证情况',
  '指标符合性',
  '成本与效益',
  '供应链与检测机构准备情况',
  '结论',
] as const;

/** Captions of the report's tables. */
export const APPLICATION_REPORT_TABLE_CAPTIONS = {
  batches: '验证产品及批次',
  conformity: '指标符合性',
} as const;

/** Columns of the table of verification batches. */
export const BATCH_TABLE_COLUMNS = [
  '序号',
  '产品型号/规格',
  '生产批号',
  '生产日期',
  '批量',
  '抽样数量',
  '检验机构及报告编号',
  '检验结论',
] as const;

/** Columns of the indicator-conformity table. */
export const CONFORMITY_TABLE_COLUMNS = ['序号', '指标', '标准要求', '实测结果', '符合性'] as const;

/** The keys of the report's cross-referenced nodes (templates and demo alike). */
export const APPLICATION_REPORT_ID_KEYS = ['batchTable', 'conformityTable'] as const;

/** The id scope of the new-project application-report template. */
export const APPLICATION_REPORT_TEMPLATE_SCOPE = 'template/application-report';

/** The application report of a new project. */
export function applicationReportTemplate(input: TemplateInput): ProseMirrorJSON {
  const p = placeholderText;
  const id = idsFor(APPLICATION_REPORT_TEMPLATE_SCOPE, APPLICATION_REPORT_ID_KEYS);
  const s = APPLICATION_REPORT_SECTIONS;
  const batchRows: CellInput[][] = [1, 2, 3].map((n): CellInput[] => [
    String(n),
    { content: p('型号/规格') },
    { content: p('批号') },
    { content: p('日期') },
    { content: p('数量') },
    { content: p('数量') },
    { content: p('机构及报告编号') },
    { content: p('合格/不合格') },
  ]);
  const conformityRows: CellInput[][] = [1, 2, 3].map((n): CellInput[] => [
    String(n),
    { content: p('指标') },
    { content: p('标准条款（交叉引用）及要求') },
    { content: p('实测范围') },
    { content: p('符合/不符合') },
  ]);

  return structuredDoc(
    APPLICATION_REPORT_TEMPLATE_SCOPE,
    documentHeader(input, '实施应用报告'),

    chapter(
      'other',
      s[0],
      paragraph([
        `为验证《${input.nameZh}》标准（征求意见稿）技术指标的合理性和可操作性，${input.leadOrganizationName}按照标准要求组织了生产实施验证。`,
        p('在此填写验证时间、验证产品范围、参与验证的单位以及地方市场监管部门的指导和把关情况'),
      ]),
    ),

    chapter(
      'other',
      s[1],
      clause('验证方案', placeholder('在此填写验证方案：生产线、工艺参数、原材料批次、抽样方法、检验项目和检验机构')),
      clause(
        '验证产品及批次',
        paragraph(['按标准组织生产的产品及批次见', crossRef(id.batchTable), '。']),
        columnsTable(APPLICATION_REPORT_TABLE_CAPTIONS.batches, BATCH_TABLE_COLUMNS, batchRows, { id: id.batchTable }),
      ),
    ),

    chapter(
      'other',
      s[2],
      paragraph(['各项指标的检验结果与标准要求的对比见', crossRef(id.conformityTable), '。']),
      columnsTable(APPLICATION_REPORT_TABLE_CAPTIONS.conformity, CONFORMITY_TABLE_COLUMNS, conformityRows, {
        id: id.conformityTable,
      }),
      placeholder('对未一次达到要求的指标，说明原因分析、工艺改进措施和复验结果'),
    ),

    chapter(
      'other',
      s[3],
      clause('成本分析', placeholder('在此填写按本标准生产带来的原材料、工艺、检测成本变化')),
      clause('经济效益和社会效益', placeholder('在此填写产值、利润、质量损失率、出口、品牌等方面的效益')),
    ),

    chapter(
      'other',
      s[4],
      clause('原材料及零部件供应', placeholder('在此说明关键原材料和零部件的供应商能否稳定满足本标准要求')),
      clause('检验检测能力', placeholder('在此说明企业自检能力和第三方检验检测机构的检测能力、资质')),
    ),

    chapter(
      'other',
      s[5],
      placeholder('在此给出结论：标准技术指标是否合理可行，企业是否具备按本标准组织批量生产的能力'),
    ),
  );
}
