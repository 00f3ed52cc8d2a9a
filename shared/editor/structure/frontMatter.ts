/** The unnumbered parts of a standard: cover, contents, foreword (with drafting credits), bibliography. */
import { Node, mergeAttributes } from '@tiptap/core';
import type { Attributes } from '@tiptap/core';
import { COVER_FIELDS, NODE, SECTION_GROUP } from './names.js';
import { dataTypeRule, stringAttribute } from './attributes.js';

/** The cover, edited as a form of fields (the client renders it); an atom. */
export const StandardCover = Node.create({
  name: NODE.standardCover,
  group: SECTION_GROUP,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    const attributes: Attributes = {};
    for (const field of COVER_FIELDS) attributes[field] = stringAttribute(field, '');
    return attributes;
  },

  parseHTML() {
    return [dataTypeRule('div', this.name)];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': this.name, class: 'gb-cover' })];
  },
});

/** 目次: generated from the outline by the client; an atom. */
export const TableOfContents = Node.create({
  name: NODE.tableOfContents,
  group: SECTION_GROUP,
  atom: true,
  selectable: true,
  draggable: false,

  parseHTML() {
    return [dataTypeRule('nav', this.name)];
  },

  renderHTML({ HTMLAttributes }) {
    return ['nav', mergeAttributes(HTMLAttributes, { 'data-type': this.name, class: 'gb-toc' })];
  },
});

/** 前言: unnumbered, plain blocks. */
export const Foreword = Node.create({
  name: NODE.foreword,
  group: SECTION_GROUP,
  content: 'block*',
  defining: true,

  parseHTML() {
    return [dataTypeRule('section', this.name)];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { 'data-type': this.name, class: 'gb-foreword' }), 0];
  },
});

/** 主要起草单位 / 参与起草单位 / 主要起草人, generated from the drafting group; an atom. */
export const DraftingCredits = Node.create({
  name: NODE.draftingCredits,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,

  parseHTML() {
    return [dataTypeRule('div', this.name)];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': this.name, class: 'gb-drafting-credits' })];
  },
});

/** 参考文献: unnumbered, plain blocks. */
export const Bibliography = Node.create({
  name: NODE.bibliography,
  group: SECTION_GROUP,
  content: 'block*',
  defining: true,

  parseHTML() {
    return [dataTypeRule('section', this.name)];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { 'data-type': this.name, class: 'gb-bibliography' }), 0];
  },
});
