/**
 * ProseMirror JSON builders for the document model, and a realistic small standard. Built on the
 * shared builders (`@shared/editor/builders`), but with any id (short ones like `c1` too) and any
 * role, so that the editor's own repairs can be tested.
 */
import { doc as docNode, inlineNode, paragraph, table } from '@shared/editor/builders/index.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { TERMS_LEAD_IN } from '@shared/editor/structure/fixedSentences.js';
import { NODE, type AnnexType } from '@shared/editor/structure/names.js';

type Inline = string | ProseMirrorJSON;

export const p = (...content: Inline[]): ProseMirrorJSON => paragraph(content);
export const title = (...content: Inline[]): ProseMirrorJSON => inlineNode(NODE.sectionTitle, content);
export const caption = (...content: Inline[]): ProseMirrorJSON => inlineNode(NODE.caption, content);
export const note = (...content: Inline[]): ProseMirrorJSON => inlineNode(NODE.note, content);
export const ref = (targetId: string): ProseMirrorJSON => ({ type: NODE.crossRef, attrs: { targetId } });

export function chapter(id: string, role: string, heading: string, ...content: ProseMirrorJSON[]): ProseMirrorJSON {
  return { type: NODE.chapter, attrs: { id, role }, content: [title(heading), ...content] };
}

export function clause(id: string, heading: string, ...content: ProseMirrorJSON[]): ProseMirrorJSON {
  return { type: NODE.clause, attrs: { id }, content: [title(heading), ...content] };
}

export function annex(
  id: string,
  normative: AnnexType,
  heading: string,
  ...content: ProseMirrorJSON[]
): ProseMirrorJSON {
  return { type: NODE.annex, attrs: { id, normative }, content: [title(heading), ...content] };
}

export function term(
  id: string,
  zh: string,
  en: string,
  definition: string,
  ...notes: ProseMirrorJSON[]
): ProseMirrorJSON {
  return {
    type: NODE.termEntry,
    attrs: { id },
    content: [
      inlineNode(NODE.termName, zh),
      inlineNode(NODE.termEnglish, en),
      inlineNode(NODE.termDefinition, definition),
      ...notes,
    ],
  };
}

export function reference(id: string, text: string): ProseMirrorJSON {
  return inlineNode(NODE.referenceEntry, text, { id });
}

/** A numbered table: the first row header cells, the others body cells. */
export function tableBlock(
  id: string,
  heading: string,
  rows: readonly (readonly string[])[],
  ...notes: ProseMirrorJSON[]
): ProseMirrorJSON {
  return { type: NODE.tableBlock, attrs: { id }, content: [caption(heading), table(rows), ...notes] };
}

export function figureBlock(id: string, heading: string, src = ''): ProseMirrorJSON {
  return { type: NODE.figureBlock, attrs: { id, src }, content: [caption(heading)] };
}

export const doc = (...content: ProseMirrorJSON[]): ProseMirrorJSON => docNode(...content);

/** A small Zhejiang Made product standard using every structural feature. */
export function smallStandard(): ProseMirrorJSON {
  return doc(
    {
      type: 'standardCover',
      attrs: {
        ics: '97.040.60',
        ccs: 'Y 22',
        standardNumber: 'T/ZZB 0123—2026',
        registrationNumber: 'ZZB T0123-2026',
        titleZh: '不锈钢真空保温杯',
        titleEn: 'Stainless steel vacuum cups',
        publicationDate: '2026-03-01',
        implementationDate: '2026-04-01',
        publisher: '浙江省品牌建设联合会',
        stage: '征求意见稿',
      },
    },
    { type: 'tableOfContents' },
    { type: 'foreword', content: [p('本文件按照GB/T 1.1—2020的规定起草。'), { type: 'draftingCredits' }] },
    chapter('chScope01', 'scope', '范围', p('本文件规定了不锈钢真空保温杯的要求。')),
    chapter(
      'chRefs0001',
      'normative-references',
      '规范性引用文件',
      p('下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。'),
      reference('refGB48069', 'GB/T 4806.9—2016 食品安全国家标准 食品接触用金属材料及制品'),
      reference('refGB48061', 'GB 4806.1 食品安全国家标准 食品接触材料及制品通用安全要求'),
      reference('refQB23320', 'QB/T 2332—2017 不锈钢真空保温容器'),
      reference('refISO2071', 'ISO 20712-1:2008 Water safety signs'),
    ),
    chapter(
      'chTerms001',
      'terms',
      '术语和定义',
      p(TERMS_LEAD_IN),
      term('termVacuum', '真空保温杯', 'vacuum cup', '具有真空夹层的杯。'),
      term('termLid0001', '杯盖', 'lid', '封闭杯口的部件。', note('杯盖包括内塞。')),
    ),
    chapter(
      'chTech0001',
      'technical-requirements',
      '技术要求',
      clause('clAppear01', '外观', p('表面应光洁。'), note('目视检查。'), note('在自然光下。')),
      clause(
        'clMater001',
        '材料',
        clause(
          'clMater011',
          '不锈钢',
          clause(
            'clMater111',
            '内胆',
            clause('clMater211', '牌号', clause('clMater311', '304', p('应符合GB/T 4806.9—2016。'))),
          ),
        ),
        clause('clMater012', '塑料'),
      ),
      clause(
        'clPerf0001',
        '性能',
        p('保温效能应符合', ref('tbPerf0001'), '，见', ref('clMater011'), '与', ref('fgShape001'), '。'),
        tableBlock(
          'tbPerf0001',
          '保温效能',
          [
            ['容量', '效能'],
            ['≤500 mL', '≥40 ℃'],
          ],
          note('容量为标称容量。'),
        ),
        figureBlock('fgShape001', '杯体示意'),
      ),
    ),
    chapter(
      'chTest0001',
      'test-methods',
      '试验方法',
      tableBlock('tbTest0001', '试验条件', [
        ['项目', '条件'],
        ['温度', '20 ℃'],
      ]),
    ),
    annex(
      'anxA000001',
      'normative',
      '保温效能试验方法',
      clause(
        'anxA1clause',
        '原理',
        tableBlock('tbAnxA0001', '试验数据', [['a'], ['1']]),
        figureBlock('fgAnxA0001', '装置'),
      ),
      clause('anxA2clause', '步骤', clause('anxA21claus', '准备'), clause('anxA22claus', '测量')),
    ),
    annex(
      'anxB000001',
      'informative',
      '使用说明',
      tableBlock('tbAnxB0001', '清洗方法', [['b'], ['2']]),
      p('见', ref('anxA000001'), '和', ref('gone000001'), '。'),
    ),
    { type: 'bibliography', content: [p('[1] GB/T 29606—2013 不锈钢真空杯')] },
  );
}
