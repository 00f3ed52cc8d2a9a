/**
 * Computes a difference from the two states, the stored history and the project's links — the CPU
 * part of `GET /api/documents/:id/diff`, run in the difference worker. Keeps what it read between
 * requests: the parts of each state (a version's for good), the attribution index while the history
 * is the same, the standard text's labels.
 */
import { DANGLING_REFERENCE_LABEL } from '@shared/editor/structure/names.js';
import { AuthorshipCache } from './changeAuthors.js';
import type { DiffRequest, DiffResult } from './diffMessages.js';
import type { DocumentParts } from './documentParts.js';
import { DocumentPartsCache } from './partsCache.js';
import { diffParts } from './partsDiff.js';
import type { TokenMeaning } from './tokens.js';

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

  compute(request: DiffRequest): DiffResult {
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
