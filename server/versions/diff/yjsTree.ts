/**
 * Reads a document's Yjs tree as ProseMirror-shaped JSON (so the shared numbering and table readers
 * work on it) in which every text keeps, for each character, the Yjs item that holds it: the id
 * (client, clock) that the stored update log attributes to a user. A pure read of the Y.Doc.
 */
import * as Y from 'yjs';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { NODE } from '@shared/editor/structure/names.js';
import { editorSchema } from '@shared/editor/schema.js';

/** `length` characters from `offset` are held by Yjs item ids client:clock … client:clock+length−1. */
export interface ItemSpan {
  offset: number;
  length: number;
  client: number;
  clock: number;
  /** True when every character of the span carries the same id (an atom or an attribute value). */
  single?: boolean;
}

export interface TreeNode extends ProseMirrorJSON {
  attrs: Record<string, unknown>;
  content: TreeNode[];
  /** Text nodes: where each character is held. */
  spans: ItemSpan[];
  /** The Yjs item of the element itself (atoms: who inserted it) and of each attribute value. */
  item: Y.ID | null;
  attrItems: Map<string, Y.ID>;
}

function textNode(text: Y.XmlText): TreeNode {
  let value = '';
  const spans: ItemSpan[] = [];
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    const str = item.content.str;
    if (str.length === 0) continue;
    spans.push({ offset: value.length, length: str.length, client: item.id.client, clock: item.id.clock });
    value += str;
  }
  return { type: NODE.text, text: value, attrs: {}, content: [], spans, item: null, attrItems: new Map() };
}

function elementNode(element: Y.XmlElement, known: Set<string>): TreeNode | null {
  if (!known.has(element.nodeName)) return null;
  const attrItems = new Map<string, Y.ID>();
  for (const [key, item] of element._map) if (!item.deleted) attrItems.set(key, item.id);
  return {
    type: element.nodeName,
    attrs: element.getAttributes(),
    content: childrenOf(element, known),
    spans: [],
    item: element._item?.id ?? null,
    attrItems,
  };
}

function childrenOf(parent: Y.XmlFragment | Y.XmlElement, known: Set<string>): TreeNode[] {
  const children: TreeNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node = elementNode(child, known);
      if (node) children.push(node);
    } else if (child instanceof Y.XmlText) {
      const node = textNode(child);
      if (node.text) children.push(node);
    }
  }
  return children;
}

/** The document's tree (elements of node types the schema does not know are left out, as in `yDocToJSON`). */
export function readYjsTree(doc: Y.Doc): TreeNode {
  const known = new Set(Object.keys(editorSchema().nodes));
  return {
    type: NODE.doc,
    attrs: {},
    content: childrenOf(doc.getXmlFragment(CONTENT_FIELD), known),
    spans: [],
    item: null,
    attrItems: new Map(),
  };
}

/** A document state (one Yjs update) loaded into a fresh Y.Doc and read as a tree. */
export function treeOfState(state: Uint8Array): TreeNode {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readYjsTree(doc);
  } finally {
    doc.destroy();
  }
}
