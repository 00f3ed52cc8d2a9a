/**
 * The node view of chapters, clauses and annexes: the section element as the schema renders it,
 * with the section's number as `data-label` and its level as `data-depth` (tests, automation and
 * styles find "section 5.1" by them). The numbers come from the spec of the number widget at the
 * start of the section's title (numberingDecorations.ts): ProseMirror calls `update` whenever the
 * decorations inside the section change, so a renumbering updates the attributes without a
 * decoration on the section itself.
 */
import { DOMSerializer } from '@tiptap/pm/model';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { DecorationSource, NodeView } from '@tiptap/pm/view';
import type { NodeViewRenderer } from '@tiptap/core';
import type { SectionLabelSpec } from '@shared/editor/structure/numberingDecorations';

const SHOWN = ['data-label', 'data-depth'];

function isSectionLabel(spec: unknown): spec is SectionLabelSpec {
  return (
    typeof spec === 'object' &&
    spec !== null &&
    typeof Reflect.get(spec, 'sectionLabel') === 'string' &&
    typeof Reflect.get(spec, 'sectionDepth') === 'number'
  );
}

/** The label widget at the start of the section's title (its content starts at 1). */
function sectionLabel(inner: DecorationSource): SectionLabelSpec | null {
  let found: SectionLabelSpec | null = null;
  inner.forEachSet((set) => {
    for (const decoration of set.find(0, 2)) {
      if (isSectionLabel(decoration.spec)) found = decoration.spec;
    }
  });
  return found;
}

function setLabel(dom: HTMLElement, label: SectionLabelSpec | null): void {
  if (!label) {
    for (const name of SHOWN) dom.removeAttribute(name);
    return;
  }
  if (dom.getAttribute('data-label') !== label.sectionLabel) dom.setAttribute('data-label', label.sectionLabel);
  const depth = String(label.sectionDepth);
  if (dom.getAttribute('data-depth') !== depth) dom.setAttribute('data-depth', depth);
}

export function sectionNodeView(): NodeViewRenderer {
  return ({ node, innerDecorations }) => {
    const toDOM = node.type.spec.toDOM;
    if (!toDOM) throw new Error(`${node.type.name} has no toDOM`);
    const rendered = DOMSerializer.renderSpec(document, toDOM(node));
    const dom = rendered.dom;
    if (!(dom instanceof HTMLElement) || !rendered.contentDOM) throw new Error(`${node.type.name} renders no section`);
    setLabel(dom, sectionLabel(innerDecorations));
    let current: PMNode = node;
    const view: NodeView = {
      dom,
      contentDOM: rendered.contentDOM,
      update(next, _outer, inner) {
        // Other attributes (id, role, annex type) are rendered by the schema: draw such a node anew.
        if (!next.sameMarkup(current)) return false;
        current = next;
        setLabel(dom, sectionLabel(inner));
        return true;
      },
      ignoreMutation(mutation) {
        return (
          mutation.type === 'attributes' && mutation.target === dom && SHOWN.includes(mutation.attributeName ?? '')
        );
      },
    };
    return view;
  };
}
