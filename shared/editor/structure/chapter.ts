/** `chapter`: numbered 1, 2, 3 … in document order; `role` names its place in the Zhejiang Made structure. */
import { Node } from '@tiptap/core';
import { CHAPTER_ROLES, NODE } from './names.js';
import type { ChapterRole } from './names.js';
import { idAttribute, stringAttribute } from './attributes.js';
import { numberedSectionSpec } from './nodeSpecs.js';
import { insertChapter, insertChapterInOrder } from './commands/sectionCommands.js';
import { setChapterRole } from './commands/sectionEditCommands.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    chapter: {
      /** Inserts a chapter of `role` (titled with the role's conventional title) after the current one. */
      insertChapter: (role?: ChapterRole) => ReturnType;
      /** Inserts a chapter of `role` at its place in the Zhejiang Made chapter order. */
      insertChapterInOrder: (role: ChapterRole) => ReturnType;
      /** Sets the role of the chapter around the cursor (an untitled chapter gets the role's title). */
      setChapterRole: (role: ChapterRole) => ReturnType;
    };
  }
}

export const Chapter = Node.create({
  ...numberedSectionSpec(NODE.chapter, 'gb-chapter'),

  addAttributes() {
    return {
      id: idAttribute(),
      role: stringAttribute('role', 'other', CHAPTER_ROLES),
    };
  },

  addCommands() {
    return {
      insertChapter: (role?: ChapterRole) => insertChapter(role),
      insertChapterInOrder: (role: ChapterRole) => insertChapterInOrder(role),
      setChapterRole: (role: ChapterRole) => setChapterRole(role),
    };
  },
});
