/**
 * A copy of a document that stored changes are replayed into, in the order they were stored, each
 * batch as one transaction whose effects are read per node (transactionEffects.ts). Usable on its
 * own: start from any state (a version's), apply updates, learn which clauses they changed and how.
 */
import * as Y from 'yjs';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { ItemRanges } from './ItemRanges.js';
import { emptyEffects, mergeEffects, transactionEffects } from './transactionEffects.js';
import type { TransactionEffects } from './transactionEffects.js';

export class ChangeReplica {
  readonly doc = new Y.Doc();
  private reading: { own: ItemRanges; effects: TransactionEffects | null } | null = null;
  /** Updates that Yjs refused (never expected: the server applied each of them before storing it). */
  failures = 0;

  constructor(state?: Uint8Array) {
    // Typed before anything arrives: Yjs gives an untyped root to content of a root nobody asked for.
    this.doc.getXmlFragment(CONTENT_FIELD);
    if (state) Y.applyUpdate(this.doc, state);
    this.doc.on('afterTransaction', this.observe);
  }

  /**
   * Applies `updates` as one transaction and returns what it changed. `own` (the current entry's
   * added characters) is read and extended; pass a fresh `ItemRanges` to attribute a batch alone.
   */
  apply(updates: readonly Uint8Array[], own: ItemRanges = new ItemRanges()): TransactionEffects {
    this.reading = { own, effects: null };
    try {
      this.doc.transact(() => {
        for (const update of updates) {
          try {
            Y.applyUpdate(this.doc, update);
          } catch {
            this.failures += 1;
          }
        }
      });
      return this.reading.effects ?? emptyEffects();
    } finally {
      this.reading = null;
    }
  }

  /** The replica's state (V1 update). */
  state(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.observe);
    this.doc.destroy();
  }

  private readonly observe = (transaction: Y.Transaction): void => {
    if (!this.reading) return;
    // Yjs may finish an update in a second transaction (integrating structs it kept pending).
    const effects = transactionEffects(transaction, this.reading.own);
    this.reading.effects = this.reading.effects ? mergeEffects(this.reading.effects, effects) : effects;
  };
}
