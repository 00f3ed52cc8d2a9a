/** Jumping from a finding to its place in the text. */
import type { Editor } from '@tiptap/react';
import type { Finding } from '../../../../../shared/checker/types';
import { NODE } from '../../../../../shared/editor/structure/names';
import { findNodeById, findTopLevel } from '../../structure/lib/findNode';
import { revealNode } from '../../structure/lib/revealNode';

/** Unnumbered parts named by a finding's `clauseLabel` when it has no node id. */
const PART_BY_LABEL: Record<string, string> = {
  封面: NODE.standardCover,
  目次: NODE.tableOfContents,
  前言: NODE.foreword,
  参考文献: NODE.bibliography,
};

/** Scrolls to and selects the finding's node (its excerpt when found); false when it is gone. */
export function jumpToFinding(editor: Editor, finding: Finding): boolean {
  if (editor.isDestroyed) return false;
  const doc = editor.state.doc;
  let target = finding.nodeId ? findNodeById(doc, finding.nodeId) : null;
  if (!target && finding.clauseLabel) {
    const part = PART_BY_LABEL[finding.clauseLabel];
    if (part) target = findTopLevel(doc, part);
  }
  if (!target) return false;
  // The excerpt is a piece of the text with "…" where it was cut.
  const excerpt = finding.excerpt?.replace(/^…/, '').replace(/…$/, '').trim();
  revealNode(editor, target.pos, excerpt ? { excerpt } : {});
  return true;
}
