/**
 * The node view of chapters, clauses and annexes: the section element as the schema renders it,
 * with the section's number as `data-label` and its level as `data-depth` (tests, automation and
 * styles find "section 5.1" by them). The numbers come from the number widget at the start of the
 * section's title (`sectionLabelOf`) when the section is drawn or updated; a renumbering that
 * ProseMirror does not redraw the section for writes them in directly (numberWidgets.ts).
 */
import { DOMSerializer } from '@tiptap/pm/model';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';
import type { NodeViewRenderer } from '@tiptap/core';
import { sectionLabelOf } from '@shared/editor/structure/numberWidgets';

const SHOWN = ['data-label', 'data-depth'];

function setLabel(dom: HTMLElement, label: { label: string; depth: number } | null): void {
  if (!label) {
    for (const name of SHOWN) dom.removeAttribute(name);
    return;
  }
  if (dom.getAttribute('data-label') !== label.label) dom.setAttribute('data-label', label.label);
  const depth = String(label.depth);
  if (dom.getAttribute('data-depth') !== depth) dom.setAttribute('data-depth', depth);
}

export function sectionNodeView(): NodeViewRenderer {
  return ({ node, innerDecorations, view: editorView }) => {
    const toDOM = node.type.spec.toDOM;
    if (!toDOM) throw new Error(`${node.type.name} has no toDOM`);
    const rendered = DOMSerializer.renderSpec(document, toDOM(node));
    const dom = rendered.dom;
    if (!(dom instanceof HTMLElement) || !rendered.contentDOM) throw new Error(`${node.type.name} renders no section`);
    setLabel(dom, sectionLabelOf(editorView, innerDecorations));
    let current: PMNode = node;
    const view: NodeView = {
      dom,
      contentDOM: rendered.contentDOM,
      update(next, _outer, inner) {
        // Other attributes (id, role, annex type) are rendered by the schema: draw such a node anew.
        if (!next.sameMarkup(current)) return false;
        current = next;
        setLabel(dom, sectionLabelOf(editorView, inner));
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
