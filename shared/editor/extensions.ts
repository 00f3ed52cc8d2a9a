/**
 * The one list of editor extensions. The browser editor and the server (which reads documents for
 * linting, statistics and export) both build their schema from `documentExtensions()`; the browser
 * adds the collaboration binding on top with `collaborativeExtensions()`. Node and mark names are
 * stable: they are what is stored in every document's Yjs state.
 */
import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Heading from '@tiptap/extension-heading';
import { TableKit } from '@tiptap/extension-table';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { Doc } from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { PresenceUser } from '../domain/user.js';
import { NODE, TOP_LEVEL_SECTION_TYPES, structureExtensions } from './structure/index.js';
import { RemoteChangeNarrowing } from './remoteChangeNarrowing.js';
import { RemoteChangeNotAutolinked } from './remoteChangeNotAutolinked.js';

/** The Y.XmlFragment that holds the editor content (TipTap's default field). */
export const CONTENT_FIELD = 'default';

/** Content extensions: everything that defines the schema. */
export function documentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // The GB/T 1.1 document node (structure/document.ts) replaces StarterKit's `block+` doc.
      document: false,
      // Undo/redo comes from the collaboration extension (per-user, Yjs-aware).
      undoRedo: false,
      // Headings stay in the schema (older content, pasted text) but typing "## " never makes one:
      // a standard's structure is chapters and clauses (the checker reports free headings).
      heading: false,
      // No empty paragraph appended after the last chapter/annex/bibliography of a standard.
      trailingNode: { notAfter: [NODE.paragraph, ...TOP_LEVEL_SECTION_TYPES] },
      link: { openOnClick: false, autolink: true },
    }),
    Heading.extend({ addInputRules: () => [] }).configure({ levels: [1, 2, 3, 4, 5, 6] }),
    TableKit.configure({ table: { resizable: false } }),
    // Chapters, clauses, annexes, terms, references, tables, figures, notes, cross-references,
    // list styles, stable ids and the live numbering (docs/document-model.md).
    ...structureExtensions(),
  ];
}

export interface CollaborationBinding {
  document: Doc;
  /** Anything with an `awareness` property, e.g. a y-websocket WebsocketProvider. */
  provider: { awareness: Awareness };
  user: PresenceUser;
  renderCaret?: (user: Record<string, unknown>) => HTMLElement;
}

/** The full list for a collaborative browser editor: the document extensions plus Yjs binding and carets. */
export function collaborativeExtensions(binding: CollaborationBinding): AnyExtension[] {
  const caret = CollaborationCaret.configure({
    provider: binding.provider,
    user: { ...binding.user },
    ...(binding.renderCaret ? { render: binding.renderCaret } : {}),
  });
  return [
    ...documentExtensions(),
    Collaboration.configure({ document: binding.document, field: CONTENT_FIELD }),
    // Text typed in another editor was autolinked there (remoteChangeNotAutolinked.ts). Listed before
    // the narrowing because TipTap runs the later extension's dispatch hook first.
    RemoteChangeNotAutolinked,
    // A co-author's change replaces only what differs, not the whole document (remoteChangeNarrowing.ts).
    RemoteChangeNarrowing,
    caret,
  ];
}
