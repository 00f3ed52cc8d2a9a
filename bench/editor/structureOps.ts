/**
 * Structural changes timed in the page: each runs an editor command (as the toolbar does) and
 * resolves with the ms until its result is shown — the product's numbering, outline and 目次
 * updated (the outline's entry count, the numbers in the text) — and two frames have been painted.
 * Every pair restores the document (insert → delete, down → up), so rounds repeat on the same text.
 *
 * The product's editor is found on its element (TipTap sets `element.editor`); the plain page
 * exposes `window.benchEditor` and has neither clauses nor annexes: it inserts and deletes a
 * heading with a paragraph, and a table; moves and annexes are not measured there.
 */
import type { Page } from 'playwright-core';

/** The operations, in the order of a round (each pair restores the document). */
export const STRUCTURE_OPS = [
  'insertClause',
  'deleteClause',
  'moveClauseDown',
  'moveClauseUp',
  'insertTable',
  'deleteTable',
  'insertAnnex',
  'deleteAnnex',
] as const;
export type StructureOp = (typeof STRUCTURE_OPS)[number];

export const STRUCTURE_OP_LABELS: Record<StructureOp, string> = {
  insertClause: '条: insert a clause (plain: a heading and a paragraph)',
  deleteClause: 'delete that clause (plain: the heading and paragraph)',
  moveClauseDown: 'move a clause down',
  moveClauseUp: 'move it back up',
  insertTable: 'insert a table (表, numbered)',
  deleteTable: 'delete that table',
  insertAnnex: 'insert an annex after 附录A',
  deleteAnnex: 'delete that annex',
};

const COMMON = `
  const frames = (n) => new Promise((resolve) => {
    const step = (k) => (k === 0 ? resolve() : requestAnimationFrame(() => step(k - 1)));
    step(n);
  });
  /** ms from running the command until done() holds and two more frames are painted. */
  async function timed(run, done) {
    const started = performance.now();
    if (!run()) throw new Error('the command was refused');
    for (let i = 0; !done(); i++) {
      if (i > 600) throw new Error('the change was not shown');
      await frames(1);
    }
    await frames(2);
    return performance.now() - started;
  }
`;

/** Installed in the product's page: `window.__benchStructure[op]()`. */
const PRODUCT_OPS = `
window.__benchStructure = (() => {
  ${COMMON}
  const editor = () => document.querySelector('[data-testid="editor"] .ProseMirror').editor;
  const outlineCount = () => Number(document.querySelector('[data-testid="outline-list"]')?.getAttribute('data-count') ?? -1);
  const tables = document.getElementsByClassName('gb-number-table');
  const positions = (type, wanted) => {
    const found = [];
    editor().state.doc.descendants((node, pos) => {
      if (node.type.name === type && (!wanted || wanted(node, pos))) found.push(pos);
      return true;
    });
    return found;
  };
  const middle = (list) => list[Math.floor(list.length / 2)];
  const caretInTitle = (pos) => editor().commands.setTextSelection(pos + 2);
  /** A clause in the middle of the document that has a next sibling clause (it can move down). */
  const movable = () => middle(positions('clause', (node, pos) => {
    const $pos = editor().state.doc.resolve(pos);
    return $pos.parent.maybeChild($pos.index() + 1)?.type.name === 'clause';
  }));
  let moved = null;
  const labelOf = (id) => document.querySelector('section[data-id="' + id + '"]')?.getAttribute('data-label') ?? null;
  const moveBy = (command) => {
    const before = labelOf(moved);
    return timed(() => editor().chain().focus()[command]().run(), () => labelOf(moved) !== null && labelOf(moved) !== before);
  };
  return {
    insertClause() {
      caretInTitle(middle(positions('clause')));
      const before = outlineCount();
      return timed(() => editor().chain().focus().insertClauseAfter().run(), () => outlineCount() === before + 1);
    },
    deleteClause() {
      const before = outlineCount();
      return timed(() => editor().chain().focus().deleteSection().run(), () => outlineCount() === before - 1);
    },
    moveClauseDown() {
      const pos = movable();
      moved = editor().state.doc.nodeAt(pos).attrs.id;
      caretInTitle(pos);
      return moveBy('moveSectionDown');
    },
    moveClauseUp() {
      return moveBy('moveSectionUp');
    },
    insertTable() {
      caretInTitle(middle(positions('clause')));
      const before = tables.length;
      return timed(() => editor().chain().focus().insertTableBlock({ rows: 3, cols: 3 }).run(), () => tables.length === before + 1);
    },
    deleteTable() {
      const before = tables.length;
      return timed(() => editor().chain().focus().deleteNode('tableBlock').run(), () => tables.length === before - 1);
    },
    insertAnnex() {
      caretInTitle(positions('annex')[0]);
      const before = outlineCount();
      return timed(() => editor().chain().focus().insertAnnex('informative').run(), () => outlineCount() === before + 1);
    },
    deleteAnnex() {
      const before = outlineCount();
      return timed(() => editor().chain().focus().deleteSection().run(), () => outlineCount() === before - 1);
    },
  };
})();
`;

/** Installed in the plain page. */
const PLAIN_OPS = `
window.__benchStructure = (() => {
  ${COMMON}
  const editor = () => window.benchEditor;
  const paragraphs = () => {
    const found = [];
    editor().state.doc.forEach((node, pos) => { if (node.type.name === 'paragraph') found.push(pos); });
    return found;
  };
  const middle = (list) => list[Math.floor(list.length / 2)];
  let inserted = null;
  const done = () => true;
  return {
    insertClause() {
      const pos = middle(paragraphs());
      const node = editor().state.doc.nodeAt(pos);
      const at = pos + node.nodeSize;
      const size = editor().state.doc.content.size;
      const run = () => editor().chain().focus().insertContentAt(at, [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: '新条' }] },
        { type: 'paragraph' },
      ]).run();
      return timed(() => {
        const ok = run();
        inserted = { from: at, to: at + (editor().state.doc.content.size - size) };
        return ok;
      }, done);
    },
    deleteClause() {
      return timed(() => editor().chain().focus().deleteRange(inserted).run(), done);
    },
    moveClauseDown() { return null; },
    moveClauseUp() { return null; },
    insertTable() {
      editor().commands.setTextSelection(middle(paragraphs()) + 1);
      return timed(() => editor().chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), done);
    },
    deleteTable() {
      return timed(() => editor().chain().focus().deleteTable().run(), done);
    },
    insertAnnex() { return null; },
    deleteAnnex() { return null; },
  };
})();
`;

export type StructureTimes = Record<StructureOp, number[]>;

/** Runs `rounds` rounds of the operations in the page; ms per operation (none where not available). */
export async function measureStructure(
  page: Page,
  flavor: 'product' | 'plain',
  rounds: number,
): Promise<StructureTimes> {
  await page.evaluate(flavor === 'product' ? PRODUCT_OPS : PLAIN_OPS);
  const times = Object.fromEntries(STRUCTURE_OPS.map((op) => [op, [] as number[]])) as StructureTimes;
  for (let round = 0; round < rounds; round++) {
    for (const op of STRUCTURE_OPS) {
      const ms: unknown = await page.evaluate(`window.__benchStructure.${op}()`);
      if (typeof ms === 'number') times[op].push(ms);
      await page.waitForTimeout(300);
    }
  }
  return times;
}
