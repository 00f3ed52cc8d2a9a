/**
 * What the gates ask of the drafting explanation (编制说明) and the application report (实施应用报告):
 * no template placeholder left (the checker's own rule, `placeholders.template-text`), no empty
 * section (a chapter or clause without sub-clauses whose text is blank), and — for the explanation —
 * indicator links (`indicatorRef`) in its comparison of key indicators that point at a value of the
 * standard text. Read from the document's ProseMirror JSON through the checker's index, once.
 */
import { createContext } from '../checker/context.js';
import type { IndexedNode } from '../checker/context.js';
import { isBlank } from '../checker/rules/helpers.js';
import { templatePlaceholder } from '../checker/rules/placeholders.js';
import type { LocalizedText } from '../checker/types.js';
import type { DocumentKind } from '../domain/project.js';
import type { ProseMirrorJSON } from '../editor/json.js';
import { NODE } from '../editor/structure/names.js';
import type { ReviewRecordFact } from './reviewRecord.js';
import { reviewRecordOf } from './reviewRecord.js';

/** A place in a document the gate points to (what the checklist links to). */
export interface DocumentSpot {
  nodeId: string | null;
  clauseLabel: string | null;
  message: LocalizedText;
  excerpt?: string;
}

export interface DocumentCompleteness {
  placeholders: DocumentSpot[];
  emptySections: DocumentSpot[];
  /** Target ids of the indicator links in the document (each link once per occurrence). */
  indicatorTargets: string[];
  /** Whether the text records the technical review's conclusion (what the 报批稿 asks of the explanation). */
  reviewRecord: ReviewRecordFact;
}

function emptySection(ctx: ReturnType<typeof createContext>, section: IndexedNode): boolean {
  return ctx.clausesOf(section).length === 0 && ctx.blocksOf(section).every((block) => isBlank(ctx, block));
}

export function documentCompleteness(doc: ProseMirrorJSON, kind: DocumentKind): DocumentCompleteness {
  const ctx = createContext(doc, kind);
  const placeholders = templatePlaceholder.check(ctx).map(
    (hit): DocumentSpot => ({
      nodeId: hit.location.nodeId,
      clauseLabel: hit.location.clauseLabel,
      message: templatePlaceholder.message(hit.params),
      ...(hit.excerpt !== undefined ? { excerpt: hit.excerpt } : {}),
    }),
  );
  const emptySections = [...ctx.ofType(NODE.chapter), ...ctx.ofType(NODE.clause)]
    .filter((section) => emptySection(ctx, section))
    .sort((a, b) => a.order - b.order)
    .map((section): DocumentSpot => {
      const where = ctx.describe(section);
      const location = ctx.locate(section);
      return {
        nodeId: location.nodeId,
        clauseLabel: location.clauseLabel,
        message: { zh: `${where.zh}没有内容。`, en: `${where.en} has no content.` },
      };
    });
  const indicatorTargets = ctx
    .ofType(NODE.indicatorRef)
    .map((ref) => ref.node.attrs?.targetId)
    .filter((id): id is string => typeof id === 'string' && id.length > 0);
  return { placeholders, emptySections, indicatorTargets, reviewRecord: reviewRecordOf(doc) };
}
