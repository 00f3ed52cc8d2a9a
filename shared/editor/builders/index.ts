/**
 * Builders of ProseMirror JSON in the shared editor schema (docs/document-model.md): StarterKit +
 * TableKit plus the GB/T 1.1—2020 structure nodes (`chapter`, `clause`, `annex`, `termEntry`,
 * `referenceEntry`, `tableBlock`, `figureBlock`, `note`, `crossRef` …), with the schema's own node
 * names, roles, annex types, cover fields and id pattern.
 *
 * Templates, the demo seed and tests write documents with these so that every document is valid by
 * construction: no empty text nodes, table cells always wrap their content in paragraphs, lists
 * follow the GB/T 1.1—2020 conventions, blocks of a chapter/clause/annex come before its subclauses.
 *
 * Numbers are never typed: chapter, clause, annex, table, figure, term and note numbers are computed
 * from the structure (`../structure/numbering.ts`); references to them in the text are `crossRef`
 * nodes pointing at the target's stable `id` (see `ids.ts` and `structuredDoc.ts`).
 */
export * from './ids.js';
export * from './inline.js';
export * from './blocks.js';
export * from './lists.js';
export * from './sections.js';
export * from './frontMatter.js';
export * from './entries.js';
export * from './tables.js';
export * from './structuredDoc.js';
export * from './inspect.js';
