/**
 * Changing sections after they were inserted: a chapter's role in the Zhejiang Made structure, an
 * annex's normative/informative status, and deleting a clause (or chapter, annex) with everything
 * in it. Pure ProseMirror transforms run through TipTap's command props (headless-safe).
 */
import type { Command } from '@tiptap/core';
import { Selection } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { CHAPTER_ROLE_TITLES, NODE, SECTION_NODE_TYPES } from '../names.js';
import type { AnnexType, ChapterRole, SectionNodeType } from '../names.js';
import { findAround } from './helpers.js';

/**
 * Sets the role of the chapter around the cursor. A chapter without a title gets the role's
 * conventional title (范围, 技术要求 …).
 */
export function setChapterRole(role: ChapterRole): Command {
  return ({ tr, dispatch }) => {
    const chapter = findAround(tr, [NODE.chapter]);
    if (!chapter) return false;
    if (chapter.node.attrs.role === role) return false;
    if (dispatch) {
      tr.setNodeMarkup(chapter.pos, undefined, { ...chapter.node.attrs, role });
      const title = chapter.node.firstChild;
      const conventional = CHAPTER_ROLE_TITLES[role];
      if (title?.type.name === NODE.sectionTitle && title.content.size === 0 && conventional) {
        tr.insertText(conventional, chapter.pos + 2);
      }
    }
    return true;
  };
}

/** Makes the annex around the cursor normative (规范性) or informative (资料性). */
export function setAnnexType(normative: AnnexType): Command {
  return ({ tr, dispatch }) => {
    const annex = findAround(tr, [NODE.annex]);
    if (!annex || annex.node.attrs.normative === normative) return false;
    if (dispatch) tr.setNodeMarkup(annex.pos, undefined, { ...annex.node.attrs, normative });
    return true;
  };
}

/** The ids of the clauses, tables, figures … inside a section (itself included). */
export function idsWithin(section: PMNode): Set<string> {
  const ids = new Set<string>();
  const own: unknown = section.attrs.id;
  if (typeof own === 'string' && own) ids.add(own);
  section.descendants((node) => {
    const id: unknown = node.attrs.id;
    if (typeof id === 'string' && id) ids.add(id);
    return true;
  });
  return ids;
}

/** What deleting the section around the cursor would remove (for a confirmation), or null. */
export interface SectionDeletion {
  type: DeletableSection;
  /** Position before the section. */
  pos: number;
  /** The stable id of the section. */
  id: string | null;
  title: string;
  /** Clauses inside it (all levels). */
  clauses: number;
  /** Cross-references elsewhere in the document that point into it (they would dangle). */
  incomingReferences: number;
}

/** Every chapter, clause and annex can be deleted. */
export type DeletableSection = SectionNodeType;

function deletableType(name: string): DeletableSection | null {
  return SECTION_NODE_TYPES.find((type) => type === name) ?? null;
}

/** The innermost clause (else chapter, annex) around the cursor, without counting what goes with it. */
function deletableSectionAt(selection: Selection): { type: DeletableSection; pos: number; node: PMNode } | null {
  const $from = selection.$from;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    const type = deletableType(node.type.name);
    if (type !== null) return { type, pos: $from.before(depth), node };
  }
  return null;
}

/** The innermost clause (else chapter, annex) around the cursor and what deleting it would remove. */
export function sectionDeletionAt(doc: PMNode, selection: Selection): SectionDeletion | null {
  const section = deletableSectionAt(selection);
  if (!section) return null;
  const { type, pos, node } = section;
  const ids = idsWithin(node);
  let clauses = 0;
  node.descendants((child) => {
    if (child.type.name === NODE.clause) clauses += 1;
    return true;
  });
  let incomingReferences = 0;
  doc.descendants((child, childPos) => {
    if (childPos >= pos && childPos < pos + node.nodeSize) return false;
    const target: unknown = child.attrs.targetId;
    if (child.type.name === NODE.crossRef && typeof target === 'string' && ids.has(target)) incomingReferences += 1;
    return true;
  });
  const id: unknown = node.attrs.id;
  return {
    type,
    pos,
    id: typeof id === 'string' ? id : null,
    title: node.firstChild?.textContent ?? '',
    clauses,
    incomingReferences,
  };
}

/**
 * Deletes the innermost clause around the cursor (else the chapter or annex) with its whole
 * content; the cursor goes to the end of what preceded it. Refused where the document would be
 * left without content.
 */
export function deleteSection(): Command {
  return ({ tr, dispatch }) => {
    // Only where the section is: the toolbar asks on every change, the counts are for the confirmation.
    const deletion = deletableSectionAt(tr.selection);
    if (!deletion) return false;
    const section = deletion.node;
    const $pos = tr.doc.resolve(deletion.pos);
    const index = $pos.index();
    if (!$pos.parent.canReplace(index, index + 1)) return false;
    if (dispatch) {
      tr.delete(deletion.pos, deletion.pos + section.nodeSize);
      tr.setSelection(Selection.near(tr.doc.resolve(Math.min(deletion.pos, tr.doc.content.size)), -1));
      tr.scrollIntoView();
    }
    return true;
  };
}
