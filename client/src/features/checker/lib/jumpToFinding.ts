/** Jumping from a finding to its place in the text. */
import type { Editor } from '@tiptap/react';
import type { Finding } from '@shared/checker/types';
import { NODE } from '@shared/editor/structure/names';
import { findNodeById, findTopLevel, revealNode } from '../../structure';

/** Unnumbered parts named by a finding's `clauseLabel` when it has no node id. */
const PART_BY_LABEL: Record<string, string> = {
  封面: NODE.standardCover,
  目次: NODE.tableOfContents,
  前言: NODE.foreword,
  参考文献: NODE.bibliography,
};

/**
 * Whether a finding has a place to jump to: false for findings about the document as a whole (a
 * missing chapter), which have neither a node nor an unnumbered part.
 */
export function hasPlace(finding: Finding): boolean {
  return finding.nodeId !== null || (finding.clauseLabel !== null && PART_BY_LABEL[finding.clauseLabel] !== undefined);
}

/**
 * Scrolls to and selects the finding's node (its excerpt when found): `jumped`; `gone` when its
 * place no longer exists; `nowhere` for a finding about the whole document.
 */
export function jumpToFinding(editor: Editor, finding: Finding): 'jumped' | 'gone' | 'nowhere' {
  if (!hasPlace(finding)) return 'nowhere';
  if (editor.isDestroyed) return 'gone';
  const doc = editor.state.doc;
  let target = finding.nodeId ? findNodeById(doc, finding.nodeId) : null;
  if (!target && finding.clauseLabel) {
    const part = PART_BY_LABEL[finding.clauseLabel];
    if (part) target = findTopLevel(doc, part);
  }
  if (!target) return 'gone';
  // The excerpt is a piece of the text with "…" where it was cut.
  const excerpt = finding.excerpt?.replace(/^…/, '').replace(/…$/, '').trim();
  revealNode(editor, target.pos, excerpt ? { excerpt } : {});
  return 'jumped';
}
