/**
 * Node-spec pieces shared by the structure nodes. Each node still names itself and its own
 * attributes; these give the parts that are the same for a kind of node, so the schema and the
 * HTML stay exactly as each node spelled them before.
 */
import { mergeAttributes } from '@tiptap/core';
import type { NodeConfig } from '@tiptap/core';
import { NODE, SECTION_GROUP } from './names.js';
import { dataTypeRule, idAttribute, targetIdAttribute } from './attributes.js';

type HtmlSpec = Pick<NodeConfig, 'parseHTML' | 'renderHTML'>;

/**
 * Read from and written as `<tag data-type="name" class="className">`; `withContent` puts the
 * node's content inside (a leaf or atom has none).
 */
export function dataTypeHtml(tag: string, name: string, className: string, withContent: boolean): HtmlSpec {
  return {
    parseHTML: () => [dataTypeRule(tag, name)],
    renderHTML: ({ HTMLAttributes }) => {
      const attributes = mergeAttributes(HTMLAttributes, { 'data-type': name, class: className });
      return withContent ? [tag, attributes, 0] : [tag, attributes];
    },
  };
}

/** A numbered section (chapter, annex): a title, blocks, then clauses; rendered as `<section>`. */
export function numberedSectionSpec(name: string, className: string) {
  return {
    name,
    group: SECTION_GROUP,
    content: `${NODE.sectionTitle} block* ${NODE.clause}*`,
    defining: true,
    ...dataTypeHtml('section', name, className, true),
  };
}

/** An unnumbered section of plain blocks (前言, 参考文献); rendered as `<section>`. */
export function plainSectionSpec(name: string, className: string) {
  return {
    name,
    group: SECTION_GROUP,
    content: 'block*',
    defining: true,
    ...dataTypeHtml('section', name, className, true),
  };
}

/** A selectable atom the client renders from elsewhere (cover, contents, drafting credits). */
export function atomSpec(name: string, group: string, tag: string, className: string) {
  return {
    name,
    group,
    atom: true,
    selectable: true,
    draggable: false,
    ...dataTypeHtml(tag, name, className, false),
  };
}

/** An inline atom pointing at another node by its id: `<span data-type="name" data-target-id="…">`. */
export function targetRefSpec(name: string, className: string) {
  return {
    ...atomSpec(name, 'inline', 'span', className),
    inline: true,
    addAttributes: () => ({ targetId: targetIdAttribute() }),
  };
}

/** A numbered block made of fixed parts (table, term entry), with an id; rendered as `<div>`. */
export function numberedBlockSpec(name: string, content: string, className: string) {
  return {
    name,
    group: 'block',
    content,
    defining: true,
    isolating: true,
    addAttributes: () => ({ id: idAttribute() }),
    ...dataTypeHtml('div', name, className, true),
  };
}
