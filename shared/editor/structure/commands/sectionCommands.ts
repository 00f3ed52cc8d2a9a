/**
 * Commands on the GB/T 1.1 hierarchy: insert chapters, clauses and annexes, move a section past its
 * sibling, promote/demote a clause. Pure ProseMirror transforms run through TipTap's command props,
 * so they work headless (tests, server) as well as in the browser.
 */
import type { Command } from '@tiptap/core';
import { Selection } from '@tiptap/pm/state';
import { Fragment } from '@tiptap/pm/model';
import type { Node as PMNode } from '@tiptap/pm/model';
import {
  CHAPTER_ROLES,
  CHAPTER_ROLE_TITLES,
  MAX_CLAUSE_LEVELS,
  NODE,
  SECTION_NODE_TYPES,
  isChapterRole,
} from '../names.js';
import type { AnnexType, ChapterRole } from '../names.js';
import { clauseLevel, createSection, findAround, placeCursor, shiftSelection, subtreeClauseLevels } from './helpers.js';

/** A new sibling after the innermost clause/chapter/annex around the cursor; the cursor goes into its title. */
export function insertClauseAfter(): Command {
  return ({ tr, dispatch }) => {
    const found = findAround(tr, SECTION_NODE_TYPES);
    if (!found) return false;
    const { node } = found;
    const attrs: Record<string, unknown> =
      node.type.name === NODE.chapter
        ? { role: 'other' }
        : node.type.name === NODE.annex
          ? { normative: node.attrs.normative }
          : {};
    const insertPos = found.pos + node.nodeSize;
    const $insert = tr.doc.resolve(insertPos);
    if (!$insert.parent.canReplaceWith($insert.index(), $insert.index(), node.type)) return false;
    if (dispatch) {
      tr.insert(insertPos, createSection(tr.doc.type.schema, node.type.name, attrs));
      placeCursor(tr, insertPos + 2);
      tr.scrollIntoView();
    }
    return true;
  };
}

/** A new last subclause of the innermost section around the cursor (refused beyond five levels). */
export function insertSubclause(): Command {
  return ({ tr, dispatch }) => {
    const found = findAround(tr, SECTION_NODE_TYPES);
    if (!found) return false;
    if (clauseLevel(tr, found) + 1 > MAX_CLAUSE_LEVELS) return false;
    const insertPos = found.pos + found.node.nodeSize - 1;
    if (dispatch) {
      tr.insert(insertPos, createSection(tr.doc.type.schema, NODE.clause, {}));
      placeCursor(tr, insertPos + 2);
      tr.scrollIntoView();
    }
    return true;
  };
}

/** Index of the first top-level child of one of `types`, or -1. */
function firstTopLevel(doc: PMNode, types: readonly string[]): number {
  for (let i = 0; i < doc.childCount; i++) if (types.includes(doc.child(i).type.name)) return i;
  return -1;
}

function topLevelOffset(doc: PMNode, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos;
}

/**
 * A new chapter of `role` (titled with the role's conventional title), after the chapter around the
 * cursor; from an annex or the bibliography, before the first annex/bibliography; otherwise after
 * the top-level part around the cursor.
 */
export function insertChapter(role: ChapterRole = 'other'): Command {
  return ({ tr, dispatch }) => {
    const { doc } = tr;
    const chapter = findAround(tr, [NODE.chapter]);
    let insertPos: number;
    if (chapter) {
      insertPos = chapter.pos + chapter.node.nodeSize;
    } else {
      const index = Math.min(tr.selection.$from.index(0), doc.childCount - 1);
      const top = doc.child(index);
      if (top.type.name === NODE.annex || top.type.name === NODE.bibliography) {
        insertPos = topLevelOffset(doc, firstTopLevel(doc, [NODE.annex, NODE.bibliography]));
      } else {
        insertPos = topLevelOffset(doc, index) + top.nodeSize;
      }
    }
    if (dispatch) {
      const title = CHAPTER_ROLE_TITLES[role];
      tr.insert(insertPos, createSection(doc.type.schema, NODE.chapter, { role }, title));
      placeCursor(tr, insertPos + 2 + title.length);
      tr.scrollIntoView();
    }
    return true;
  };
}

/**
 * Where a missing chapter of `role` belongs in the Zhejiang Made order: before the first chapter of
 * a later role, else after the last chapter, else before the first annex/bibliography, else at the end.
 */
export function chapterPlacement(doc: PMNode, role: ChapterRole): number {
  const rank = CHAPTER_ROLES.indexOf(role);
  let lastChapterEnd = -1;
  let pos = 0;
  for (let i = 0; i < doc.childCount; i++) {
    const child = doc.child(i);
    if (child.type.name === NODE.chapter) {
      const childRole: unknown = child.attrs.role;
      const childRank = isChapterRole(childRole) ? CHAPTER_ROLES.indexOf(childRole) : -1;
      if (role !== 'other' && childRole !== 'other' && childRank > rank) return pos;
      lastChapterEnd = pos + child.nodeSize;
    }
    pos += child.nodeSize;
  }
  if (lastChapterEnd >= 0) return lastChapterEnd;
  const after = firstTopLevel(doc, [NODE.annex, NODE.bibliography]);
  return after >= 0 ? topLevelOffset(doc, after) : doc.content.size;
}

/** A new chapter of `role` at its place in the Zhejiang Made order (see `chapterPlacement`); cursor at the end of its title. */
export function insertChapterInOrder(role: ChapterRole): Command {
  return ({ tr, dispatch }) => {
    const insertPos = chapterPlacement(tr.doc, role);
    if (dispatch) {
      const title = CHAPTER_ROLE_TITLES[role];
      tr.insert(insertPos, createSection(tr.doc.type.schema, NODE.chapter, { role }, title));
      placeCursor(tr, insertPos + 2 + title.length);
      tr.scrollIntoView();
    }
    return true;
  };
}

/**
 * A new annex after the annex around the cursor, else after the last annex, else before the
 * bibliography, else at the end of the document.
 */
export function insertAnnex(normative: AnnexType = 'normative'): Command {
  return ({ tr, dispatch }) => {
    const { doc } = tr;
    const annex = findAround(tr, [NODE.annex]);
    let insertPos = doc.content.size;
    if (annex) {
      insertPos = annex.pos + annex.node.nodeSize;
    } else {
      let lastAnnex = -1;
      doc.forEach((child, _offset, index) => {
        if (child.type.name === NODE.annex) lastAnnex = index;
      });
      const bibliography = firstTopLevel(doc, [NODE.bibliography]);
      if (lastAnnex >= 0) insertPos = topLevelOffset(doc, lastAnnex + 1);
      else if (bibliography >= 0) insertPos = topLevelOffset(doc, bibliography);
    }
    if (dispatch) {
      tr.insert(insertPos, createSection(doc.type.schema, NODE.annex, { normative }));
      placeCursor(tr, insertPos + 2);
      tr.scrollIntoView();
    }
    return true;
  };
}

/** Moves the innermost clause/chapter/annex around the cursor past its previous (-1) or next (1) sibling of the same type. */
export function moveSection(direction: -1 | 1): Command {
  return ({ tr, dispatch }) => {
    const found = findAround(tr, SECTION_NODE_TYPES);
    if (!found) return false;
    const $pos = tr.doc.resolve(found.pos);
    const parent = $pos.parent;
    const index = $pos.index();
    const siblingIndex = index + direction;
    if (siblingIndex < 0 || siblingIndex >= parent.childCount) return false;
    const sibling = parent.child(siblingIndex);
    if (sibling.type !== found.node.type) return false;
    if (dispatch) {
      const before = tr.selection;
      const start = direction < 0 ? found.pos - sibling.nodeSize : found.pos;
      const end = start + found.node.nodeSize + sibling.nodeSize;
      const swapped = direction < 0 ? [found.node, sibling] : [sibling, found.node];
      tr.replaceWith(start, end, Fragment.from(swapped));
      shiftSelection(tr, before, found.pos, direction < 0 ? start : start + sibling.nodeSize);
      tr.scrollIntoView();
    }
    return true;
  };
}

/**
 * Outdents the clause around the cursor one level: it becomes the next sibling of its parent clause,
 * and the clauses that followed it in its parent become its subclauses (the reading order is kept).
 */
export function promoteClause(): Command {
  return ({ tr, dispatch }) => {
    const clause = findAround(tr, [NODE.clause]);
    if (!clause) return false;
    const $clause = tr.doc.resolve(clause.pos);
    const parent = $clause.parent;
    if (parent.type.name !== NODE.clause) return false;
    const parentPos = $clause.before();
    const offset = clause.pos - (parentPos + 1);
    const following = parent.content.cut(offset + clause.node.nodeSize);
    const newClause = clause.node.type.create(
      clause.node.attrs,
      clause.node.content.append(following),
      clause.node.marks,
    );
    const newParent = parent.type.create(parent.attrs, parent.content.cut(0, offset), parent.marks);
    const $parent = tr.doc.resolve(parentPos);
    const replacement = Fragment.from([newParent, newClause]);
    if (!newParent.type.validContent(newParent.content) || !newClause.type.validContent(newClause.content))
      return false;
    if (!$parent.parent.canReplace($parent.index(), $parent.index() + 1, replacement)) return false;
    if (dispatch) {
      const before = tr.selection;
      tr.replaceWith(parentPos, parentPos + parent.nodeSize, replacement);
      shiftSelection(tr, before, clause.pos, parentPos + newParent.nodeSize);
      tr.scrollIntoView();
    }
    return true;
  };
}

/**
 * Indents the clause around the cursor one level: it becomes the last subclause of its previous
 * sibling clause. Refused when there is none or when its subtree would exceed five levels.
 */
export function demoteClause(): Command {
  return ({ tr, dispatch }) => {
    const clause = findAround(tr, [NODE.clause]);
    if (!clause) return false;
    const $clause = tr.doc.resolve(clause.pos);
    const index = $clause.index();
    if (index === 0) return false;
    const previous = $clause.parent.child(index - 1);
    if (previous.type.name !== NODE.clause) return false;
    if (clauseLevel(tr, clause) + subtreeClauseLevels(clause.node) > MAX_CLAUSE_LEVELS) return false;
    const newPrevious = previous.type.create(previous.attrs, previous.content.addToEnd(clause.node), previous.marks);
    if (!newPrevious.type.validContent(newPrevious.content)) return false;
    if (dispatch) {
      const before = tr.selection;
      const previousPos = clause.pos - previous.nodeSize;
      tr.replaceWith(previousPos, clause.pos + clause.node.nodeSize, newPrevious);
      shiftSelection(tr, before, clause.pos, previousPos + 1 + previous.content.size);
      tr.scrollIntoView();
    }
    return true;
  };
}

/**
 * Backspace at the start of a section title: deletes the section when it holds nothing but an
 * empty title (the cursor goes to the end of what precedes it). At the start of a non-empty clause
 * it does nothing (returns true), so that Backspace never silently nests a clause into the previous
 * one; elsewhere it returns false and the default behaviour applies.
 */
export function deleteEmptySection(): Command {
  return ({ tr, dispatch }) => {
    const { selection } = tr;
    const { $from } = selection;
    if (!selection.empty || $from.parent.type.name !== NODE.sectionTitle || $from.parentOffset !== 0) return false;
    const section = $from.node(-1);
    const sectionPos = $from.before(-1);
    const isEmpty = section.childCount === 1 && $from.parent.content.size === 0;
    if (!isEmpty) return section.type.name === NODE.clause;
    const $section = tr.doc.resolve(sectionPos);
    if ($section.parent.childCount === 1) return false;
    if (dispatch) {
      tr.delete(sectionPos, sectionPos + section.nodeSize);
      tr.setSelection(Selection.near(tr.doc.resolve(Math.max(0, sectionPos)), -1));
      tr.scrollIntoView();
    }
    return true;
  };
}
