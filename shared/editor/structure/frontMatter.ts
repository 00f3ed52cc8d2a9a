/** The unnumbered parts of a standard: cover, contents, foreword (with drafting credits), bibliography. */
import { Node } from '@tiptap/core';
import type { Attributes } from '@tiptap/core';
import { COVER_FIELDS, NODE, SECTION_GROUP } from './names.js';
import { stringAttribute } from './attributes.js';
import { atomSpec, plainSectionSpec } from './nodeSpecs.js';

/** The cover, edited as a form of fields (the client renders it); an atom. */
export const StandardCover = Node.create({
  ...atomSpec(NODE.standardCover, SECTION_GROUP, 'div', 'gb-cover'),

  addAttributes() {
    const attributes: Attributes = {};
    for (const field of COVER_FIELDS) attributes[field] = stringAttribute(field, '');
    return attributes;
  },
});

/** 目次: generated from the outline by the client; an atom. */
export const TableOfContents = Node.create(atomSpec(NODE.tableOfContents, SECTION_GROUP, 'nav', 'gb-toc'));

/** 前言: unnumbered, plain blocks. */
export const Foreword = Node.create(plainSectionSpec(NODE.foreword, 'gb-foreword'));

/** 主要起草单位 / 参与起草单位 / 主要起草人, generated from the drafting group; an atom. */
export const DraftingCredits = Node.create(atomSpec(NODE.draftingCredits, 'block', 'div', 'gb-drafting-credits'));

/** 参考文献: unnumbered, plain blocks. */
export const Bibliography = Node.create(plainSectionSpec(NODE.bibliography, 'gb-bibliography'));
