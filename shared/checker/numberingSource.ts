/**
 * The one place the checker gets clause labels from: the shared `computeNumbering`
 * (shared/editor/structure/numbering.ts), so the checker names clauses exactly as the editor shows them.
 */
export { computeNumbering } from '../editor/structure/numbering.js';
export type { Numbering, NumberedItem, LabelledNode } from '../editor/structure/numbering.js';
