/**
 * Documents cut into parts, kept between differences: a state is read once per key (a version id,
 * which never changes, or the hash of a live state) — applied to a Y.Doc, walked, numbered. One
 * token table per document, so that the parts of all its states share their atom tokens.
 */
import { documentParts } from './documentParts.js';
import type { DocumentParts } from './documentParts.js';
import { TokenTable } from './tokens.js';
import { treeOfState } from './yjsTree.js';

export class DocumentPartsCache {
  private readonly tokenTables = new Map<string, TokenTable>();
  private readonly states = new Map<string, DocumentParts>();

  constructor(private readonly limit = 12) {}

  tokens(documentId: string): TokenTable {
    let table = this.tokenTables.get(documentId);
    if (!table) {
      table = new TokenTable();
      this.tokenTables.set(documentId, table);
    }
    return table;
  }

  /** The parts of a state of the document (read on the first request for its key). */
  parts(documentId: string, key: string, state: Uint8Array): DocumentParts {
    const cacheKey = `${documentId}/${key}`;
    const cached = this.states.get(cacheKey);
    if (cached) {
      this.states.delete(cacheKey);
      this.states.set(cacheKey, cached);
      return cached;
    }
    const parts = documentParts(treeOfState(state), this.tokens(documentId));
    this.states.set(cacheKey, parts);
    while (this.states.size > this.limit) {
      const oldest = this.states.keys().next().value;
      if (oldest === undefined) break;
      this.states.delete(oldest);
    }
    return parts;
  }
}
