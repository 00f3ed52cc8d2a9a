/**
 * Writes a restore plan into the live Y.Doc as a minimal change: y-tiptap's `updateYFragment` (what
 * the editor binding itself does on every edit) keeps every element and character that is already
 * as the version has it and changes only what differs. Text typed concurrently elsewhere is untouched,
 * and characters typed concurrently into the restored clause (not yet seen by the server) stay: they
 * are integrated next to the characters they were typed beside, after the restore.
 */
import * as Y from 'yjs';
import { updateYFragment } from '@tiptap/y-tiptap';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { editorSchema } from '@shared/editor/schema.js';
import { FIXED_PART_KEYS } from '@shared/validation/versions.js';
import { Conflict } from '../../domain/errors.js';
import type { RestorePlan } from './restorePlan.js';

const FIXED_NODE: Record<string, string> = {
  cover: 'standardCover',
  foreword: 'foreword',
  bibliography: 'bibliography',
};

function findElement(fragment: Y.XmlFragment, key: string): Y.XmlElement | null {
  if ((FIXED_PART_KEYS as readonly string[]).includes(key)) {
    const found = fragment
      .toArray()
      .find((child) => child instanceof Y.XmlElement && child.nodeName === FIXED_NODE[key]);
    return found instanceof Y.XmlElement ? found : null;
  }
  for (const node of fragment.createTreeWalker(
    (type) => type instanceof Y.XmlElement && type.getAttribute('id') === key,
  )) {
    if (node instanceof Y.XmlElement) return node;
  }
  return null;
}

/** Makes the element the plan names (or the whole content) read as the plan's node. Call inside a transaction. */
export function applyRestore(doc: Y.Doc, plan: RestorePlan | { target: 'document'; node: ProseMirrorJSON }): void {
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  const key = plan.target === 'document' ? null : plan.key;
  const target = key === null ? fragment : findElement(fragment, key);
  if (!target) throw new Conflict(`part ${key} is not in the current text`);
  const node = editorSchema().nodeFromJSON(plan.node);
  if (target instanceof Y.XmlElement && target.nodeName !== node.type.name) {
    throw new Conflict(`part ${key} is a ${target.nodeName} now, not a ${node.type.name}`);
  }
  updateYFragment(doc, target, node, { mapping: new Map(), isOMark: new Map() });
}
