/**
 * Whether the drafting explanation (编制说明) records the technical review's conclusion, as the 报批稿
 * gate asks: a paragraph — or a row of a table, such as the 技术审评 row of the template's 主要工作过程
 * — that speaks of the review (审评) and states its outcome (通过 / 审评结论), with no template
 * placeholder left in it.
 */
import { findPlaceholder } from '../checker/rules/placeholders.js';
import type { ProseMirrorJSON } from '../editor/json.js';
import { NODE } from '../editor/structure/names.js';

export interface ReviewRecordFact {
  /** A place of the explanation records the conclusion. */
  recorded: boolean;
  /** Where it is, or else the first place that mentions the review (to go and complete it). */
  nodeId: string | null;
}

function textOf(node: ProseMirrorJSON): string {
  if (node.text) return node.text;
  return (node.content ?? []).map(textOf).join(node.type === NODE.tableRow ? '\t' : '');
}

const nodeIdOf = (node: ProseMirrorJSON): string | null =>
  typeof node.attrs?.id === 'string' && node.attrs.id ? node.attrs.id : null;

/** The text blocks to judge: table rows as one line each, paragraphs outside tables. */
function blocks(node: ProseMirrorJSON, owner: string | null, out: { text: string; nodeId: string | null }[]): void {
  const id = nodeIdOf(node) ?? owner;
  if (node.type === NODE.tableRow || node.type === NODE.paragraph) {
    out.push({ text: textOf(node), nodeId: id });
    return;
  }
  for (const child of node.content ?? []) blocks(child, id, out);
}

const MENTIONS_REVIEW = /审评/;
const STATES_OUTCOME = /通过|审评结论/;

export function reviewRecordOf(doc: ProseMirrorJSON): ReviewRecordFact {
  const found: { text: string; nodeId: string | null }[] = [];
  blocks(doc, null, found);
  const mentions = found.filter((b) => MENTIONS_REVIEW.test(b.text));
  const recorded = mentions.find((b) => STATES_OUTCOME.test(b.text) && findPlaceholder(b.text) === null);
  return { recorded: recorded !== undefined, nodeId: (recorded ?? mentions[0])?.nodeId ?? null };
}
