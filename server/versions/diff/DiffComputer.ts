/**
 * Computes a difference from the two states, the stored history and the project's links — the CPU
 * part of `GET /api/documents/:id/diff`, run in the difference worker. Keeps what it read between
 * requests: the parts of each state (a version's for good), the attribution index while the history
 * is the same, the standard text's labels, and the last few differences (the same inputs — states,
 * history, links — give the same difference: the .docx after the view, a second look).
 */
import { createHash } from 'node:crypto';
import { DANGLING_REFERENCE_LABEL } from '@shared/editor/structure/names.js';
import { AuthorshipCache } from './changeAuthors.js';
import type { DiffRequest, DiffResult, PrepareRequest } from './diffMessages.js';
import type { DocumentParts } from './documentParts.js';
import { DocumentPartsCache } from './partsCache.js';
import { diffParts } from './partsDiff.js';
import type { TokenMeaning } from './tokens.js';

/** How many differences are kept for a repeated request. */
const KEPT_RESULTS = 4;

/** Everything a difference depends on (states and history by their keys). */
function resultKey(request: DiffRequest): string {
  const inputs = [
    request.documentId,
    request.from.key,
    request.to.key,
    request.history.key,
    request.standard?.key ?? null,
    request.linkedCells,
  ];
  return createHash('sha1').update(JSON.stringify(inputs)).digest('hex');
}

/** What an indicator link shows when its cell is gone (as in the editor). */
const DANGLING_INDICATOR_LABEL = '［指标已删除］';

/** How a state reads its atoms: its own labels, else the standard text's (links from other documents). */
function resolver(own: DocumentParts, standard: DocumentParts | null): (meaning: TokenMeaning) => string {
  return (meaning) => {
    switch (meaning.kind) {
      case 'crossRef':
        return (
          own.numbering.byId[meaning.targetId]?.label ??
          standard?.numbering.byId[meaning.targetId]?.label ??
          DANGLING_REFERENCE_LABEL
        );
      case 'indicator':
        return (standard ?? own).cells[meaning.targetId]?.text ?? DANGLING_INDICATOR_LABEL;
      case 'hardBreak':
        return ' ';
      case 'image':
        return '［图片］';
      case 'note':
        return '注：';
    }
  };
}

export class DiffComputer {
  private readonly parts = new DocumentPartsCache();
  private readonly authorship = new AuthorshipCache();
  private readonly results = new Map<string, DiffResult>();

  /** Reads states and a history ahead, so that the first difference finds them read. */
  prepare(request: PrepareRequest): void {
    for (const state of request.states) this.parts.parts(request.documentId, state.key, state.state);
    if (request.history) this.authorship.forDocument(request.documentId, request.history.key, request.history.entries);
  }

  compute(request: DiffRequest): DiffResult {
    const key = resultKey(request);
    const kept = this.results.get(key);
    if (kept) {
      this.results.delete(key);
      this.results.set(key, kept);
      return kept;
    }
    const result = this.computeNew(request);
    this.results.set(key, result);
    while (this.results.size > KEPT_RESULTS) {
      const oldest = this.results.keys().next().value;
      if (oldest === undefined) break;
      this.results.delete(oldest);
    }
    return result;
  }

  private computeNew(request: DiffRequest): DiffResult {
    const { documentId } = request;
    const from = this.parts.parts(documentId, request.from.key, request.from.state);
    const to = this.parts.parts(documentId, request.to.key, request.to.state);
    const standard = request.standard
      ? this.parts.parts(`standard:${documentId}`, request.standard.key, request.standard.state)
      : null;
    const authorship = this.authorship.forDocument(documentId, request.history.key, request.history.entries);
    const { parts, indicators } = diffParts({
      from,
      to,
      tokens: this.parts.tokens(documentId),
      attribution: {
        inserted: (client, clock, length) => authorship.inserted(client, clock, length),
        deleted: (client, clock, length) => authorship.deleted(client, clock, length),
      },
      resolveFrom: resolver(from, standard),
      resolveTo: resolver(to, standard),
      linkedCells: new Set(request.linkedCells),
    });
    let inserted = 0;
    let deleted = 0;
    const authorIds: string[] = [];
    for (const part of parts) {
      for (const id of part.authors) if (!authorIds.includes(id)) authorIds.push(id);
      const segments = [
        ...part.lines.flatMap((l) => l.segments),
        ...(part.rows ?? []).flat().flatMap((c) => c.segments),
      ];
      for (const segment of segments) {
        if (segment.op === 'insert') inserted += segment.text.length;
        if (segment.op === 'delete') deleted += segment.text.length;
      }
    }
    const changedParts = parts.filter((p) => p.status !== 'unchanged' || p.moved).length;
    return { parts, indicators, counts: { inserted, deleted, changedParts }, authorIds };
  }
}
