/** Resolving what a comment is about: a clause id of the frozen draft and/or a typed clause number. */
import type { CommentElement } from '@shared/domain/consultation.js';
import { Invalid } from '../domain/errors.js';
import type { DraftIndex } from './draftIndex.js';

export interface ClauseRef {
  clauseId: string | null;
  clauseLabel: string;
  /** The element implied by the node (a table, a figure …), null for free text. */
  impliedElement: CommentElement | null;
}

/** Resolves a typed label ("5.2", "表1", "5.2 第二段", "全文"); never fails: unknown labels stay free text. */
export function resolveLabel(index: DraftIndex, label: string): ClauseRef {
  const text = label.trim();
  const exact = index.idOf(text);
  if (exact)
    return { clauseId: exact, clauseLabel: index.labelOf(exact) ?? text, impliedElement: index.elementOf(exact) };
  const firstToken = text.split(/[\s,，、;；:：(（]/)[0] ?? '';
  const prefix = firstToken && firstToken !== text ? index.idOf(firstToken) : null;
  if (prefix) return { clauseId: prefix, clauseLabel: text, impliedElement: index.elementOf(prefix) };
  return { clauseId: null, clauseLabel: text, impliedElement: null };
}

/** From a request: a clauseId must name a node of the frozen draft; otherwise the label is resolved. */
export function resolveClause(
  index: DraftIndex,
  clauseId: string | null | undefined,
  clauseLabel: string | undefined,
): ClauseRef {
  if (clauseId) {
    const label = index.labelOf(clauseId);
    if (label === null) {
      throw new Invalid('clauseId is not a numbered node of the frozen draft', [
        { path: 'clauseId', message: 'not in the 征求意见稿 of this round' },
      ]);
    }
    // A typed label may add detail ("5.2 第二段") but never contradict the draft's number.
    const typed = clauseLabel?.trim() ?? '';
    const extends_ = typed.startsWith(label) && !/[0-9.A-Z]/.test(typed.charAt(label.length));
    return { clauseId, clauseLabel: extends_ ? typed : label, impliedElement: index.elementOf(clauseId) };
  }
  if (!clauseLabel?.trim()) {
    throw new Invalid('a clause (clauseId) or a clause number (clauseLabel) is required', [
      { path: 'clauseLabel', message: 'required' },
    ]);
  }
  return resolveLabel(index, clauseLabel);
}
