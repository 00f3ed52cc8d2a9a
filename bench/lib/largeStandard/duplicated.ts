/**
 * The worst case measured in issue 11: the demo standard with the clauses of chapters 5–6 duplicated
 * as copy and paste in the editor does (fresh ids, the copied cross-references still pointing at the
 * originals).
 */
import { deterministicId, isStructuralType } from '@shared/editor/structure/ids.js';
import { NODE } from '@shared/editor/structure/names.js';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { demoProjects } from '../../../server/seed/demo/index.js';

/** The demo standard as the seed builds it. */
export function demoStandard(): ProseMirrorJSON {
  const project = demoProjects[0];
  if (!project) throw new Error('no demo project');
  return structuredClone(project.content.standard);
}

/** A copy of a subtree with fresh ids (as pasting does); cross-references keep their targets. */
function copyWithFreshIds(node: ProseMirrorJSON, copy: number): ProseMirrorJSON {
  const out: ProseMirrorJSON = { ...node };
  const id = node.attrs?.id;
  if (isStructuralType(node.type) && typeof id === 'string' && id.length > 0) {
    out.attrs = { ...node.attrs, id: deterministicId(`duplicate/${copy}/${id}`) };
  }
  if (node.content) out.content = node.content.map((c) => copyWithFreshIds(c, copy));
  return out;
}

/** Copies of the clauses of chapters 5–6 appended per chapter: 63 copies give 2,149 clauses and 129 tables. */
const DUPLICATE_COPIES = 63;

/** The worst case: the demo standard with the clauses of chapters 5–6 duplicated (`copies` more times). */
export function buildDuplicatedStandard(copies = DUPLICATE_COPIES): ProseMirrorJSON {
  const doc = demoStandard();
  const chapters = (doc.content ?? []).filter((n) => n.type === NODE.chapter);
  for (const role of ['technical-requirements', 'test-methods']) {
    const target = chapters.find((c) => c.attrs?.role === role);
    if (!target?.content) throw new Error(`demo standard without ${role}`);
    const clauses = target.content.filter((c) => c.type === NODE.clause);
    for (let copy = 1; copy <= copies; copy++) {
      target.content.push(...clauses.map((c) => copyWithFreshIds(c, copy)));
    }
  }
  return doc;
}
