/** Jumping from a history entry to the node it changed. */
import type { Editor } from '@tiptap/react';
import type { HistoryPart, HistoryTarget } from '@shared/api/history';
import { NODE } from '@shared/editor/structure/names';
import { findNodeById, findTopLevel, revealNode } from '../../structure';

/** The top-level node of an unnumbered part (none for content outside any part). */
const PART_NODES: Record<HistoryPart, string | null> = {
  cover: NODE.standardCover,
  toc: NODE.tableOfContents,
  foreword: NODE.foreword,
  bibliography: NODE.bibliography,
  body: null,
};

function isPart(id: string): id is HistoryPart {
  return Object.hasOwn(PART_NODES, id);
}

/** Whether the target can be shown in the text (it still exists and is a place). */
export function canJump(target: HistoryTarget): boolean {
  return !target.deleted && (!isPart(target.targetId) || PART_NODES[target.targetId] !== null);
}

/** Scrolls to the node and selects its title; false when it is not in the document (any more). */
export function jumpToTarget(editor: Editor, target: HistoryTarget): boolean {
  if (editor.isDestroyed || !canJump(target)) return false;
  const doc = editor.state.doc;
  const part = isPart(target.targetId) ? PART_NODES[target.targetId] : null;
  const found = part ? findTopLevel(doc, part) : findNodeById(doc, target.targetId);
  if (!found) return false;
  revealNode(editor, found.pos);
  return true;
}
