/**
 * Which node of the document a Yjs item belongs to: the innermost numbered node around it (chapter,
 * clause, annex, term, reference, table, figure — by its stable id) or the unnumbered part (cover,
 * table of contents, foreword, bibliography; `body` outside any). The parent of a Yjs item never
 * changes, so an item belongs to the same node for good: what is typed into 5.2 stays 5.2's
 * change, even after renumbering.
 */
import * as Y from 'yjs';
import { NODE, SECTION_NODE_TYPES, STRUCTURAL_NODE_TYPES } from '@shared/editor/structure/names.js';
import type { HistoryPart } from '@shared/api/history.js';

export interface ChangeTarget {
  /** The node's stable id, or a part key. */
  key: string;
  /** The node type (`clause`, `tableBlock` …) or the part's node type (`foreword` …; `body`). */
  nodeType: string;
  /** Ids of the enclosing chapters/clauses/annexes, outermost first (not the node itself). */
  path: string[];
}

export const PART_OF_NODE: Readonly<Record<string, HistoryPart>> = {
  [NODE.standardCover]: 'cover',
  [NODE.tableOfContents]: 'toc',
  [NODE.foreword]: 'foreword',
  [NODE.bibliography]: 'bibliography',
};

export const BODY: ChangeTarget = { key: 'body', nodeType: 'body', path: [] };

const STRUCTURAL = new Set<string>(STRUCTURAL_NODE_TYPES);
const SECTIONS = new Set<string>(SECTION_NODE_TYPES);

export function isStructural(nodeName: string): boolean {
  return STRUCTURAL.has(nodeName);
}

/**
 * An element's attribute as last set, also while the element is being deleted in the current
 * transaction (`getAttribute` no longer sees it then; Yjs drops the content only after the
 * transaction's observers ran). Undefined once garbage collected.
 */
export function rawAttribute(element: Y.XmlElement, name: string): unknown {
  const item = element._map.get(name);
  if (!item) return undefined;
  const content = item.content;
  if (content instanceof Y.ContentAny) return content.arr[content.arr.length - 1];
  if (content instanceof Y.ContentString) return content.str;
  return undefined;
}

/** The stable id of an element, if it has one. */
export function elementId(element: Y.XmlElement): string | null {
  const id = rawAttribute(element, 'id');
  return typeof id === 'string' && id.length > 0 ? id : null;
}

/** The types of an editor document: the root fragment, elements (fragments too) and text. */
export type XmlType = Y.XmlFragment | Y.XmlText;

/** The type an item lives in (null for an item not integrated yet, or outside the editor content). */
export function parentType(item: Y.Item): XmlType | null {
  const parent = item.parent;
  return parent instanceof Y.XmlFragment || parent instanceof Y.XmlText ? parent : null;
}

interface Context {
  /** The innermost numbered node or part enclosing (or being) this type; null at the top. */
  target: ChangeTarget | null;
  /** Ids of the sections enclosing or being this type. */
  sections: string[];
}

const TOP: Context = { target: null, sections: [] };

/** Resolves targets with a cache per type (valid while the tree does not change: one transaction). */
export class TargetResolver {
  private readonly contexts = new Map<XmlType, Context>();

  /** The node (or part) whose content `item` is. */
  ofItem(item: Y.Item): ChangeTarget {
    const parent = parentType(item);
    return (parent ? this.context(parent).target : null) ?? BODY;
  }

  /** The node a structural element is, with the sections around it. */
  ofElement(element: Y.XmlElement): ChangeTarget | null {
    const id = elementId(element);
    if (!id) return null;
    const parent = element._item ? parentType(element._item) : null;
    return { key: id, nodeType: element.nodeName, path: parent ? this.context(parent).sections : [] };
  }

  /** The node (or part) a type lies in, the type itself included. */
  ofType(type: XmlType): ChangeTarget {
    return this.context(type).target ?? BODY;
  }

  private context(type: XmlType): Context {
    const cached = this.contexts.get(type);
    if (cached) return cached;
    const holder = type._item;
    const parent = holder ? parentType(holder) : null;
    const outer = parent ? this.context(parent) : TOP;
    let context = outer;
    if (type instanceof Y.XmlElement) {
      const name = type.nodeName;
      const id = STRUCTURAL.has(name) ? elementId(type) : null;
      const part = PART_OF_NODE[name];
      if (id) {
        context = {
          target: { key: id, nodeType: name, path: outer.sections },
          sections: SECTIONS.has(name) ? [...outer.sections, id] : outer.sections,
        };
      } else if (part) {
        context = { target: { key: part, nodeType: name, path: [] }, sections: outer.sections };
      }
    }
    this.contexts.set(type, context);
    return context;
  }
}
