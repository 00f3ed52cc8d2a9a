/**
 * What the gates read from the live documents, cached per document until it changes: the standard
 * text's cover fields and the ids of its table cells (read from the Yjs tree directly — cheap even
 * for a 100-page standard), and the explanation's and report's completeness (placeholders, empty
 * sections, indicator links). Every change of a document (a client's edit or a server change) drops
 * its entry (`invalidate`, called by the workflow extension), so a read never returns stale facts.
 */
import * as Y from 'yjs';
import type { DocumentKind } from '@shared/domain/project.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { COVER_FIELDS, NODE, TABLE_CELL_TYPES } from '@shared/editor/structure/names.js';
import type { CoverField } from '@shared/editor/structure/names.js';
import { yDocToJSON } from '@shared/editor/yjsContent.js';
import { documentCompleteness } from '@shared/workflow/documentCompleteness.js';
import type { DocumentCompleteness } from '@shared/workflow/documentCompleteness.js';
import type { CollabServer } from '../collab/CollabServer.js';

export interface StandardTextFacts {
  cover: Record<CoverField, string> | null;
  /** The stable ids of every table cell (what indicator links point at). */
  cellIds: ReadonlySet<string>;
}

function coverElement(doc: Y.Doc): Y.XmlElement | null {
  for (const child of doc.getXmlFragment(CONTENT_FIELD).toArray())
    if (child instanceof Y.XmlElement && child.nodeName === NODE.standardCover) return child;
  return null;
}

/** The cover's fields as strings ('' when empty), or null when the text has no cover. */
export function readCover(doc: Y.Doc): Record<CoverField, string> | null {
  const cover = coverElement(doc);
  if (!cover) return null;
  const fields = {} as Record<CoverField, string>;
  for (const field of COVER_FIELDS) {
    const value: unknown = cover.getAttribute(field);
    fields[field] = typeof value === 'string' ? value : '';
  }
  return fields;
}

/** Sets the cover's stage label (征求意见稿 / 送审稿 / 报批稿); false when the text has no cover. */
export function writeCoverStage(doc: Y.Doc, stage: string): boolean {
  const cover = coverElement(doc);
  if (!cover) return false;
  if (cover.getAttribute('stage') !== stage) cover.setAttribute('stage', stage);
  return true;
}

/** Sets some of the cover's fields (the publication's numbers and dates); false when the text has no cover. */
export function writeCoverFields(doc: Y.Doc, fields: Partial<Record<CoverField, string>>): boolean {
  const cover = coverElement(doc);
  if (!cover) return false;
  for (const [field, value] of Object.entries(fields))
    if (value !== undefined && cover.getAttribute(field) !== value) cover.setAttribute(field, value);
  return true;
}

export function readStandardFacts(doc: Y.Doc): StandardTextFacts {
  const cellIds = new Set<string>();
  const walker = doc
    .getXmlFragment(CONTENT_FIELD)
    .createTreeWalker((node) => node instanceof Y.XmlElement && TABLE_CELL_TYPES.includes(node.nodeName));
  for (const node of walker) {
    const id: unknown = node instanceof Y.XmlElement ? node.getAttribute('id') : null;
    if (typeof id === 'string' && id.length > 0) cellIds.add(id);
  }
  return { cover: readCover(doc), cellIds };
}

/** Per document, the facts read since its last change. */
export class DocumentFactsCache {
  private readonly standard = new Map<string, StandardTextFacts>();
  private readonly completeness = new Map<string, DocumentCompleteness>();
  /** Bumped on every change: a read that overlapped a change is not kept. */
  private readonly generations = new Map<string, number>();

  constructor(private readonly collab: () => CollabServer) {}

  invalidate(documentId: string): void {
    this.generations.set(documentId, (this.generations.get(documentId) ?? 0) + 1);
    this.standard.delete(documentId);
    this.completeness.delete(documentId);
  }

  private async cached<T>(cache: Map<string, T>, documentId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const hit = cache.get(documentId);
    if (hit) return hit;
    const generation = this.generations.get(documentId) ?? 0;
    const value = await this.collab().readDocument(documentId, read);
    if ((this.generations.get(documentId) ?? 0) === generation) cache.set(documentId, value);
    return value;
  }

  standardText(documentId: string): Promise<StandardTextFacts> {
    return this.cached(this.standard, documentId, readStandardFacts);
  }

  completenessOf(documentId: string, kind: DocumentKind): Promise<DocumentCompleteness> {
    return this.cached(this.completeness, documentId, (doc) => documentCompleteness(yDocToJSON(doc), kind));
  }
}
