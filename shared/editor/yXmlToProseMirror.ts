/**
 * Reads a Y.XmlFragment (the editor content as the TipTap/y-tiptap binding stores it) as a
 * ProseMirror node — without changing the Yjs document. y-tiptap's own converters delete every Yjs
 * element that does not fit the schema from the live document while reading it; a server read
 * (checker, content API, exports) must never change a document, so this walks the Yjs tree itself
 * and drops or repairs what does not fit only in the result:
 * - elements of unknown node types, text with no place to go and embeds are left out;
 * - marks of unknown types, or not allowed where they are, are removed from their text;
 * - attributes that do not validate fall back to the node's defaults (the node is left out if it has
 *   required attributes);
 * - children that cannot stand where they are are left out, and required children that are
 *   missing are filled in, so that the result passes `node.check()`.
 * Content that fits the schema is read exactly as y-tiptap reads it.
 */
import * as Y from 'yjs';
import { Fragment } from '@tiptap/pm/model';
import type { Attrs, Mark, Node as ProseMirrorNode, NodeType, Schema } from '@tiptap/pm/model';

/** y-tiptap stores a mark as an attribute named after it, or `name--<hash>` for marks that may overlap. */
const HASHED_MARK_NAME = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

function isAttrs(value: unknown): value is Attrs {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function marksOf(attributes: Record<string, unknown> | undefined, schema: Schema): readonly Mark[] {
  let marks: readonly Mark[] = [];
  for (const [key, value] of Object.entries(attributes ?? {})) {
    const type = schema.marks[HASHED_MARK_NAME.exec(key)?.[1] ?? key];
    if (!type) continue;
    try {
      marks = type.create(isAttrs(value) ? value : null).addToSet(marks);
    } catch {
      // Attributes that do not validate: the text is kept without this mark.
    }
  }
  return marks;
}

function textNodesOf(text: Y.XmlText, schema: Schema): ProseMirrorNode[] {
  const nodes: ProseMirrorNode[] = [];
  for (const delta of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof delta.insert !== 'string' || delta.insert.length === 0) continue;
    nodes.push(schema.text(delta.insert, marksOf(delta.attributes, schema)));
  }
  return nodes;
}

function childrenOf(parent: Y.XmlFragment | Y.XmlElement, schema: Schema): ProseMirrorNode[] {
  const children: ProseMirrorNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node = elementToNode(child, schema);
      if (node) children.push(node);
    } else if (child instanceof Y.XmlText) {
      children.push(...textNodesOf(child, schema));
    }
  }
  return children;
}

/** The children that can stand in a node of this type, in order, with marks it does not allow removed and required nodes filled in. */
function fittingContent(type: NodeType, children: ProseMirrorNode[]): Fragment | null {
  const allowed = children.map((child) =>
    type.allowsMarks(child.marks) ? child : child.mark(type.allowedMarks(child.marks)),
  );
  const content = Fragment.fromArray(allowed);
  if (type.validContent(content)) return content;
  const kept: ProseMirrorNode[] = [];
  let match = type.contentMatch;
  content.forEach((child) => {
    const direct = match.matchType(child.type);
    if (direct) {
      kept.push(child);
      match = direct;
      return;
    }
    const fill = match.fillBefore(Fragment.from(child));
    const afterFill = fill && match.matchFragment(fill)?.matchType(child.type);
    if (!fill || !afterFill) return;
    fill.forEach((n) => {
      kept.push(n);
    });
    kept.push(child);
    match = afterFill;
  });
  const end = match.fillBefore(Fragment.empty, true);
  if (!end) return null;
  end.forEach((n) => {
    kept.push(n);
  });
  const fitted = Fragment.fromArray(kept);
  return type.validContent(fitted) ? fitted : null;
}

function createNode(type: NodeType, attrs: Attrs | null, children: ProseMirrorNode[]): ProseMirrorNode | null {
  const content = fittingContent(type, children);
  if (!content) return null;
  try {
    return type.create(attrs, content);
  } catch {
    try {
      return type.create(null, content);
    } catch {
      return null;
    }
  }
}

function elementToNode(element: Y.XmlElement, schema: Schema): ProseMirrorNode | null {
  const type = schema.nodes[element.nodeName];
  if (!type || type.isText) return null;
  return createNode(type, element.getAttributes(), childrenOf(element, schema));
}

/** The content of a Y.XmlFragment as a ProseMirror document of the schema; never changes the Yjs document. */
export function yXmlFragmentToProseMirror(fragment: Y.XmlFragment, schema: Schema): ProseMirrorNode {
  const type = schema.topNodeType;
  return createNode(type, null, childrenOf(fragment, schema)) ?? type.createAndFill() ?? type.create();
}
