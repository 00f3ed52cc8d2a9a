import type { OutlineEntry } from '@shared/api/consultation';
import type { ProseMirrorJSON } from '@shared/editor/json';
import { computeNumbering } from '@shared/editor/structure/numbering';

/** The chapters, clauses and annexes of a frozen text (what a return reason can be anchored to). */
export function outlineOf(content: ProseMirrorJSON): OutlineEntry[] {
  return computeNumbering(content)
    .outline.filter((item) => item.id)
    .map((item) => ({ id: item.id, label: item.label, title: item.title, depth: item.depth }));
}
