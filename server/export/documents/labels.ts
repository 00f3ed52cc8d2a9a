/**
 * The label of every labelled node of a document (chapter, clause, annex, term entry, reference
 * entry, table, figure, note), from the one shared numbering: `computeNumbering` lists them in
 * document pre-order in `sequence`, so walking the same tree in pre-order pairs each node with its
 * entry. Keyed by the JSON node itself, so nodes without ids are labelled too.
 */
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { NODE } from '@shared/editor/structure/names.js';
import type { LabelledNode, Numbering } from '@shared/editor/structure/numberingTypes.js';

const LABELLED: ReadonlySet<string> = new Set([
  NODE.chapter,
  NODE.clause,
  NODE.annex,
  NODE.note,
  NODE.termEntry,
  NODE.referenceEntry,
  NODE.tableBlock,
  NODE.figureBlock,
]);

export type NodeLabels = ReadonlyMap<ProseMirrorJSON, LabelledNode>;

export function nodeLabels(doc: ProseMirrorJSON, numbering: Numbering): NodeLabels {
  const labels = new Map<ProseMirrorJSON, LabelledNode>();
  let next = 0;
  const visit = (node: ProseMirrorJSON): void => {
    if (LABELLED.has(node.type)) {
      const entry = numbering.sequence[next];
      if (entry?.nodeType !== node.type) {
        throw new Error(`the numbering does not match the document at ${node.type} #${next}`);
      }
      labels.set(node, entry);
      next += 1;
    }
    for (const child of node.content ?? []) visit(child);
  };
  for (const child of doc.content ?? []) visit(child);
  return labels;
}
