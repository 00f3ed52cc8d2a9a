/**
 * Incremental renumbering on the large standards: after each of a series of structural changes made
 * with the editor's commands (insert, move and delete clauses, tables, notes and annexes, promote
 * and demote, edit titles, paste copies, add cross-references), the numbering the editor keeps
 * equals `computeNumbering` of the document, its decorations equal a full rebuild — although
 * sections met again in the same state were not walked and their decorations were kept — and every
 * structural node has an id of its own (the id repair looks only at what changed to know that).
 */
import { describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorState } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { DecorationSet } from '@tiptap/pm/view';
import { ID_NODE_TYPES, NODE } from '@shared/editor/structure/names.js';
import { findIdFixes } from '@shared/editor/structure/structureIds.js';
import { computeNumbering } from '@shared/editor/structure/numbering.js';
import { numberingDecorations } from '@shared/editor/structure/numberingDecorations.js';
import { getNumbering, structureNumberingPluginKey } from '@shared/editor/structure/structureNumbering.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { buildDuplicatedStandard, buildLargeStandard, seededRandom } from '../../bench/lib/largeStandard.js';
import { createEditor } from './editorHarness.js';

/** The decorations as comparable lines: range, and the widget's key or the node attributes. */
function describeDecorations(set: DecorationSet): string[] {
  return set
    .find()
    .map((decoration) => {
      const spec: { key?: unknown; shows?: unknown } = decoration.spec;
      const type: unknown = Reflect.get(decoration, 'type');
      const attrs: unknown = typeof type === 'object' && type !== null ? Reflect.get(type, 'attrs') : undefined;
      return `${decoration.from}-${decoration.to} ${String(spec.key ?? '')} ${String(spec.shows ?? '')} ${JSON.stringify(attrs ?? null)}`;
    })
    .sort();
}

/** The plugin's decorations (built on first use, as the view does). */
function decorationsOf(state: EditorState): DecorationSet {
  const plugin = structureNumberingPluginKey.get(state);
  const decorations = plugin?.props.decorations?.call(plugin, state);
  if (!(decorations instanceof DecorationSet)) throw new Error('no numbering decorations');
  return decorations;
}

/** Positions of the nodes of `types` (before each node). */
function positionsOf(doc: PMNode, types: readonly string[]): number[] {
  const found: number[] = [];
  doc.descendants((node, pos) => {
    if (types.includes(node.type.name)) found.push(pos);
    return !node.isTextblock;
  });
  return found;
}

type Step = (editor: Editor, pick: <T>(items: readonly T[]) => T) => void;

/** Puts the caret at the start of the title (first child) of the node at `pos`. */
function caretInTitle(editor: Editor, pos: number): void {
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos + 2)));
}

const SECTIONS = [NODE.chapter, NODE.clause, NODE.annex];

const STEPS: Record<string, Step> = {
  insertClause(editor, pick) {
    caretInTitle(editor, pick(positionsOf(editor.state.doc, [NODE.clause])));
    editor.commands.insertClauseAfter();
  },
  insertSubclause(editor, pick) {
    caretInTitle(editor, pick(positionsOf(editor.state.doc, [NODE.clause])));
    editor.commands.insertSubclause();
  },
  moveDown(editor, pick) {
    caretInTitle(editor, pick(positionsOf(editor.state.doc, SECTIONS)));
    editor.commands.moveSectionDown();
  },
  moveUp(editor, pick) {
    caretInTitle(editor, pick(positionsOf(editor.state.doc, SECTIONS)));
    editor.commands.moveSectionUp();
  },
  promote(editor, pick) {
    caretInTitle(editor, pick(positionsOf(editor.state.doc, [NODE.clause])));
    editor.commands.promoteClause();
  },
  demote(editor, pick) {
    caretInTitle(editor, pick(positionsOf(editor.state.doc, [NODE.clause])));
    editor.commands.demoteClause();
  },
  deleteClause(editor, pick) {
    caretInTitle(editor, pick(positionsOf(editor.state.doc, [NODE.clause])));
    editor.commands.deleteSection();
  },
  insertTable(editor, pick) {
    caretInTitle(editor, pick(positionsOf(editor.state.doc, [NODE.clause])));
    editor.commands.insertTableBlock({ rows: 2, cols: 2 });
    editor.view.dispatch(editor.state.tr.insertText('新表'));
  },
  deleteTable(editor, pick) {
    const pos = pick(positionsOf(editor.state.doc, [NODE.tableBlock]));
    const node = editor.state.doc.nodeAt(pos);
    if (node) editor.view.dispatch(editor.state.tr.delete(pos, pos + node.nodeSize));
  },
  insertNote(editor, pick) {
    caretInTitle(editor, pick(positionsOf(editor.state.doc, [NODE.tableBlock])));
    editor.commands.insertNote();
  },
  insertAnnex(editor, pick) {
    caretInTitle(editor, pick(positionsOf(editor.state.doc, [NODE.annex])));
    editor.commands.insertAnnex('informative');
  },
  deleteAnnex(editor, pick) {
    caretInTitle(editor, pick(positionsOf(editor.state.doc, [NODE.annex])));
    editor.commands.deleteSection();
  },
  editTitle(editor, pick) {
    caretInTitle(editor, pick(positionsOf(editor.state.doc, SECTIONS)));
    editor.view.dispatch(editor.state.tr.insertText('改'));
  },
  typeText(editor, pick) {
    const pos = pick(positionsOf(editor.state.doc, [NODE.paragraph]));
    editor.view.dispatch(editor.state.tr.insertText('字', pos + 1));
  },
  pasteCopy(editor, pick) {
    // A copy of a clause with the same ids (as a paste brings them): the later one gets new ids.
    const pos = pick(positionsOf(editor.state.doc, [NODE.clause]));
    const node = editor.state.doc.nodeAt(pos);
    if (node) editor.view.dispatch(editor.state.tr.insert(pos + node.nodeSize, node));
  },
  crossRef(editor, pick) {
    const targets = Object.keys(getNumbering(editor.state).byId);
    const pos = pick(positionsOf(editor.state.doc, [NODE.paragraph]));
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos + 1)));
    editor.commands.insertCrossRef(pick(targets));
  },
};

class NothingToPick extends Error {}

function runSteps(content: ProseMirrorJSON, steps: number, seed: number): void {
  const editor = createEditor(content);
  try {
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => {
      const item = items[Math.floor(random() * items.length)];
      if (item === undefined) throw new NothingToPick();
      return item;
    };
    decorationsOf(editor.state);
    const names = Object.keys(STEPS);
    for (let i = 0; i < steps; i++) {
      const name = pick(names);
      try {
        STEPS[name]?.(editor, pick);
      } catch (error) {
        // E.g. deleting an annex when none is left: the step does nothing.
        if (!(error instanceof NothingToPick)) throw error;
      }
      const { state } = editor;
      const expected = computeNumbering(state.doc.toJSON() as ProseMirrorJSON);
      expect(getNumbering(state), `numbering after step ${i} (${name})`).toEqual(expected);
      expect(findIdFixes(state.doc, ID_NODE_TYPES, false), `ids after step ${i} (${name})`).toEqual([]);
      expect(describeDecorations(decorationsOf(state)), `decorations after step ${i} (${name})`).toEqual(
        describeDecorations(numberingDecorations(state.doc, getNumbering(state))),
      );
    }
  } finally {
    editor.destroy();
  }
}

describe('incremental renumbering', () => {
  it('keeps the numbering and its decorations exact through structural edits of the 100-page standard', () => {
    runSteps(buildLargeStandard(), 30, 11);
  });

  it('and of the duplicated worst case', () => {
    runSteps(buildDuplicatedStandard(), 10, 23);
  });
});
