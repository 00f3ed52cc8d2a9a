/**
 * Stable names of the GB/T 1.1—2020 document model (docs/document-model.md). These strings are
 * stored in every document's Yjs state: never rename them.
 */

export const NODE = {
  doc: 'doc',
  standardCover: 'standardCover',
  tableOfContents: 'tableOfContents',
  foreword: 'foreword',
  draftingCredits: 'draftingCredits',
  chapter: 'chapter',
  clause: 'clause',
  annex: 'annex',
  bibliography: 'bibliography',
  sectionTitle: 'sectionTitle',
  termEntry: 'termEntry',
  termName: 'termName',
  termEnglish: 'termEnglish',
  termDefinition: 'termDefinition',
  referenceEntry: 'referenceEntry',
  tableBlock: 'tableBlock',
  figureBlock: 'figureBlock',
  caption: 'caption',
  note: 'note',
  crossRef: 'crossRef',
  indicatorRef: 'indicatorRef',
  table: 'table',
  tableRow: 'tableRow',
  tableHeader: 'tableHeader',
  tableCell: 'tableCell',
  paragraph: 'paragraph',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  listItem: 'listItem',
  // StarterKit's own nodes the model writes (templates, seeds) and reads (checker).
  text: 'text',
  hardBreak: 'hardBreak',
  horizontalRule: 'horizontalRule',
} as const;

export type NodeName = (typeof NODE)[keyof typeof NODE];

/** StarterKit's marks the model uses. */
export const MARK = {
  bold: 'bold',
  italic: 'italic',
  underline: 'underline',
  strike: 'strike',
  code: 'code',
} as const;

export type MarkName = (typeof MARK)[keyof typeof MARK];

/** Content group of the top-level parts of a standard. */
export const SECTION_GROUP = 'section';

/** Node types of the `section` group (the top-level parts of a standard). */
export const TOP_LEVEL_SECTION_TYPES: readonly string[] = [
  NODE.standardCover,
  NODE.tableOfContents,
  NODE.foreword,
  NODE.chapter,
  NODE.annex,
  NODE.bibliography,
];

/** Node types that carry a stable `id` attribute. */
export const STRUCTURAL_NODE_TYPES: readonly string[] = [
  NODE.chapter,
  NODE.clause,
  NODE.annex,
  NODE.termEntry,
  NODE.referenceEntry,
  NODE.tableBlock,
  NODE.figureBlock,
];

/** Table cells carry ids too, so that another document can point at one value (`indicatorRef`). */
export const TABLE_CELL_TYPES: readonly string[] = [NODE.tableCell, NODE.tableHeader];

/** Every node type that carries an `id` kept unique by `StructureIds` / `ensureStructureIds`. */
export const ID_NODE_TYPES: readonly string[] = [...STRUCTURAL_NODE_TYPES, ...TABLE_CELL_TYPES];

/** Node types that form the numbered outline (a chapter, clause or annex: "a section"). */
export const SECTION_NODE_TYPES = [NODE.chapter, NODE.clause, NODE.annex] as const;
export type SectionNodeType = (typeof SECTION_NODE_TYPES)[number];

/** The place of a chapter in the Zhejiang Made structure, in the conventional order. */
export const CHAPTER_ROLES = [
  'scope',
  'normative-references',
  'terms',
  'classification',
  'basic-requirements',
  'technical-requirements',
  'test-methods',
  'inspection-rules',
  'marking',
  'quality-commitment',
  'other',
] as const;

export type ChapterRole = (typeof CHAPTER_ROLES)[number];

/** The conventional Chinese title of a chapter of each role (`other` has none). */
export const CHAPTER_ROLE_TITLES: Record<ChapterRole, string> = {
  scope: '范围',
  'normative-references': '规范性引用文件',
  terms: '术语和定义',
  classification: '产品分类',
  'basic-requirements': '基本要求',
  'technical-requirements': '技术要求',
  'test-methods': '试验方法',
  'inspection-rules': '检验规则',
  marking: '标志、包装、运输和贮存',
  'quality-commitment': '质量承诺',
  other: '',
};

/** The English translation of each conventional chapter title (`other`: how messages name the rest). */
export const CHAPTER_ROLE_TITLES_EN: Record<ChapterRole, string> = {
  scope: 'Scope',
  'normative-references': 'Normative references',
  terms: 'Terms and definitions',
  classification: 'Product classification',
  'basic-requirements': 'Basic requirements',
  'technical-requirements': 'Technical requirements',
  'test-methods': 'Test methods',
  'inspection-rules': 'Inspection rules',
  marking: 'Marking, packaging, transport and storage',
  'quality-commitment': 'Quality commitment',
  other: 'Other',
};

export function isChapterRole(value: unknown): value is ChapterRole {
  return typeof value === 'string' && (CHAPTER_ROLES as readonly string[]).includes(value);
}

/** `annex.normative`: a normative (规范性) or informative (资料性) annex. */
export const ANNEX_TYPES = ['normative', 'informative'] as const;
export type AnnexType = (typeof ANNEX_TYPES)[number];

export const ANNEX_TYPE_LABELS: Record<AnnexType, string> = {
  normative: '（规范性）',
  informative: '（资料性）',
};

export function isAnnexType(value: unknown): value is AnnexType {
  return typeof value === 'string' && (ANNEX_TYPES as readonly string[]).includes(value);
}

/** Stages printed on the cover. */
export const STANDARD_STAGES = ['征求意见稿', '送审稿', '报批稿'] as const;
export type StandardStage = (typeof STANDARD_STAGES)[number];

/** The string attributes of `standardCover`, all `''` when not filled. */
export const COVER_FIELDS = [
  'ics',
  'ccs',
  'standardNumber',
  'registrationNumber',
  'titleZh',
  'titleEn',
  'publicationDate',
  'implementationDate',
  'publisher',
  'stage',
] as const;
export type CoverField = (typeof COVER_FIELDS)[number];

/** What the cover's fields are called, in Chinese and English (one list for every reader of the cover). */
export const COVER_FIELD_NAMES: Readonly<Record<CoverField, { zh: string; en: string }>> = {
  ics: { zh: 'ICS号', en: 'ICS number' },
  ccs: { zh: 'CCS号（中国标准文献分类号）', en: 'CCS number' },
  standardNumber: { zh: '标准编号', en: 'standard number' },
  registrationNumber: { zh: '登记号', en: 'registration number' },
  titleZh: { zh: '中文名称', en: 'Chinese title' },
  titleEn: { zh: '英文名称', en: 'English title' },
  publicationDate: { zh: '发布日期', en: 'publication date' },
  implementationDate: { zh: '实施日期', en: 'implementation date' },
  publisher: { zh: '发布机构', en: 'publishing body' },
  stage: { zh: '阶段', en: 'stage' },
};

/** `bulletList.listStyle` and `orderedList.listStyle`. */
export const BULLET_LIST_STYLES = ['dash'] as const;
export const ORDERED_LIST_STYLES = ['letter', 'number'] as const;
export type BulletListStyle = (typeof BULLET_LIST_STYLES)[number];
export type OrderedListStyle = (typeof ORDERED_LIST_STYLES)[number];
export type ListStyle = BulletListStyle | OrderedListStyle;

const LIST_STYLES: readonly string[] = [...BULLET_LIST_STYLES, ...ORDERED_LIST_STYLES];

export function isListStyle(value: unknown): value is ListStyle {
  return typeof value === 'string' && LIST_STYLES.includes(value);
}

/** GB/T 1.1: at most five levels of clauses below a chapter (or an annex). */
export const MAX_CLAUSE_LEVELS = 5;

/** What a cross-reference shows when its target no longer exists. */
export const DANGLING_REFERENCE_LABEL = '［引用目标已删除］';
