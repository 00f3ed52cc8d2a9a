/**
 * Clause labels of a standard text, from the shared numbering (shared/editor/structure): id → label,
 * label → id, and the element a numbered node is (a table, a figure, or a clause's paragraphs).
 */
import type { OutlineEntry } from '@shared/api/consultation.js';
import type { CommentElement } from '@shared/domain/consultation.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { computeNumbering } from '@shared/editor/structure/numbering.js';
import type { NumberedItem } from '@shared/editor/structure/numberingTypes.js';

export interface DraftIndex {
  labels: Record<string, string>;
  outline: OutlineEntry[];
  labelOf(id: string): string | null;
  /** The id of the node a typed label ("5.2", "第5章", "表 1", "附录A") names, if any. */
  idOf(label: string): string | null;
  elementOf(id: string): CommentElement | null;
}

/** "第5章" → "5", "5.2条" → "5.2", "表 1" → "表1". */
export function normalizeLabel(label: string): string {
  return label
    .replace(/\s+/g, '')
    .replace(/^第(\d+)[章条]$/, '$1')
    .replace(/^(\d+(?:\.\d+)*)[章条]$/, '$1');
}

function elementOfKind(item: NumberedItem): CommentElement {
  if (item.kind === 'table') return 'table';
  if (item.kind === 'figure') return 'figure';
  return 'paragraph';
}

export function indexDraft(json: ProseMirrorJSON): DraftIndex {
  const numbering = computeNumbering(json);
  const labels: Record<string, string> = {};
  const byLabel = new Map<string, string>();
  // Sections first, so that a clause wins over another node that happens to print the same label.
  const ordered = [...numbering.outline, ...Object.values(numbering.byId)];
  for (const item of ordered) {
    if (!item.id) continue;
    labels[item.id] = item.label;
    const key = normalizeLabel(item.label);
    if (!byLabel.has(key)) byLabel.set(key, item.id);
  }
  return {
    labels,
    outline: numbering.outline
      .filter((i) => i.id)
      .map((i) => ({ id: i.id, label: i.label, title: i.title, depth: i.depth })),
    labelOf: (id) => labels[id] ?? null,
    idOf: (label) => byLabel.get(normalizeLabel(label)) ?? null,
    elementOf: (id) => {
      const item = numbering.byId[id];
      return item ? elementOfKind(item) : null;
    },
  };
}
