/**
 * A collaborating peer without y-prosemirror's view binding: a ProseMirror state (plain, or a
 * headless TipTap editor's) kept in sync with a Y.Doc the way the sync plugin does it —
 * local changes are written with `updateYFragment`, remote changes are read back from the
 * fragment and applied as one transaction marked `isChangeOrigin` (and not written back).
 */
import * as Y from 'yjs';
import { initProseMirrorDoc, updateYFragment, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { Schema } from '@tiptap/pm/model';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';

type BindingMetadata = Parameters<typeof updateYFragment>[3];

export interface StateHolder {
  readonly state: EditorState;
  dispatch(tr: Transaction): void;
}

export class YPeer {
  readonly ydoc = new Y.Doc();
  readonly fragment = this.ydoc.getXmlFragment(CONTENT_FIELD);
  private meta: BindingMetadata = { mapping: new Map(), isOMark: new Map() };
  /** Updates this peer's Y.Doc emitted for local changes (what it would send). */
  sentUpdates = 0;

  constructor(
    readonly holder: StateHolder,
    private readonly schema: Schema,
  ) {
    this.ydoc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === 'local') this.sentUpdates += 1;
    });
  }

  get state(): EditorState {
    return this.holder.state;
  }

  /** Applies a local edit and writes the resulting document to Yjs. */
  edit(make: (state: EditorState) => Transaction): void {
    this.holder.dispatch(make(this.state));
    this.push();
  }

  /** Writes the current ProseMirror document to the Y.Doc (y-prosemirror's `_prosemirrorChanged`). */
  push(): void {
    this.ydoc.transact(() => updateYFragment(this.ydoc, this.fragment, this.state.doc, this.meta), 'local');
  }

  /** Renders the Y.Doc into ProseMirror as a remote change (y-prosemirror's `_typeChanged`). */
  pull(): void {
    const { doc, meta } = initProseMirrorDoc(this.fragment, this.schema);
    this.meta = meta;
    const tr = this.state.tr.replaceWith(0, this.state.doc.content.size, doc.content);
    tr.setMeta(ySyncPluginKey, { isChangeOrigin: true });
    tr.setMeta('addToHistory', false);
    this.holder.dispatch(tr);
  }
}

/** Exchanges the missing updates between two peers (both ways), then both render the result. */
export function sync(a: YPeer, b: YPeer): void {
  const toB = Y.encodeStateAsUpdate(a.ydoc, Y.encodeStateVector(b.ydoc));
  const toA = Y.encodeStateAsUpdate(b.ydoc, Y.encodeStateVector(a.ydoc));
  Y.applyUpdate(b.ydoc, toB, 'remote');
  Y.applyUpdate(a.ydoc, toA, 'remote');
  a.pull();
  b.pull();
}

/** A plain EditorState holder. */
export class PlainState implements StateHolder {
  constructor(public state: EditorState) {}

  dispatch(tr: Transaction): void {
    this.state = this.state.apply(tr);
  }
}
