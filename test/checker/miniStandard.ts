/** A small but complete Zhejiang Made standard that follows every rule of the checker. */
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { NORMATIVE_REFERENCES_LEAD_IN, TERMS_LEAD_IN } from '@shared/editor/structure/fixedSentences.js';
import {
  annex,
  bibliography,
  chapter,
  clause,
  cover,
  dashList,
  doc,
  figure,
  foreword,
  note,
  p,
  reference,
  table,
  term,
  xref,
} from './build.js';

export function miniStandard(): ProseMirrorJSON {
  const packaging = reference('GB/T 191　包装储运图示标志');
  const sampling = reference('GB/T 2828.1—2012　计数抽样检验程序　第1部分：按接收质量限（AQL）检索的逐批检验抽样计划');
  const cup = term(
    '保温杯',
    'vacuum cup',
    '由内胆和外壳构成、具有真空夹层的饮水容器。',
    note('单位容积的质量以克每毫升计。'),
  );
  const performanceTable = table('性能要求', ['保温效能', '≥65 ℃'], note('试验环境温度为20 ℃。'));
  const appearance = clause('外观', p('保温杯表面应光洁，不应有划痕和毛刺。'));
  const performance = clause('性能', p('保温杯的性能应符合', xref(performanceTable), '的规定。'), performanceTable);
  const setup = figure('保温效能试验装置');
  const annexA = annex(
    'normative',
    '保温效能试验方法',
    clause('试验设备', p('恒温水浴和分辨力为0.1 ℃的测温仪。')),
    clause('试验步骤', p('注入（95±1）℃的热水至公称容量，静置6 h后测定水温。')),
  );
  return doc(
    cover(),
    { type: 'tableOfContents' },
    foreword(
      p('本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。'),
      p('请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。'),
      p('本文件由浙江省质量协会提出并归口。'),
      { type: 'draftingCredits' },
    ),
    chapter(
      'scope',
      '范围',
      p('本文件规定了保温杯的技术要求、试验方法、检验规则、标志、包装、运输和贮存及质量承诺。'),
      p('本文件适用于不锈钢保温杯。'),
    ),
    chapter('normative-references', '规范性引用文件', p(NORMATIVE_REFERENCES_LEAD_IN), packaging, sampling),
    chapter('terms', '术语和定义', p(TERMS_LEAD_IN), cup),
    chapter(
      'basic-requirements',
      '基本要求',
      clause('设计研发', p('应采用三维设计软件进行产品结构设计。')),
      clause('原材料', p('内胆应采用奥氏体不锈钢。')),
    ),
    chapter('technical-requirements', '技术要求', appearance, performance),
    chapter(
      'test-methods',
      '试验方法',
      clause('外观', p('在自然光下目测，对照', xref(appearance), '判定。')),
      clause(
        '性能',
        p('按', xref(annexA), '规定的方法测定，试验装置见', xref(setup), '，对照', xref(performance), '判定。'),
        setup,
      ),
    ),
    chapter(
      'inspection-rules',
      '检验规则',
      clause('出厂检验', p('出厂检验的抽样按GB/T 2828.1—2012的规定进行。')),
      clause('型式检验', p('有下列情况之一时，应进行型式检验：'), dashList(['新产品定型时；', '正常生产时每年一次。'])),
    ),
    chapter(
      'marking',
      '标志、包装、运输和贮存',
      clause('标志', p('包装储运图示标志应符合GB/T 191的规定。')),
      clause('包装', p('产品应逐只装入包装盒。')),
    ),
    chapter(
      'quality-commitment',
      '质量承诺',
      clause('质量保证', p('自销售之日起12个月内，产品因制造质量问题出现故障的，制造商应免费更换。')),
      clause('服务响应', p('制造商应在收到投诉后24 h内作出响应。')),
    ),
    annexA,
    bibliography(p('［1］GB/T 29606—2013　不锈钢真空杯')),
  );
}
