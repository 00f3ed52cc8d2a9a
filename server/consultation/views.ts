/** What the consultation API shows: rounds with their live table, items with current labels and the caller's rights. */
import type { ItemView, RoundListItem, RoundView } from '@shared/api/consultation.js';
import type { ConsultationItem, ConsultationRound } from '@shared/domain/consultation.js';
import { summarizeRound } from '@shared/consultation/summary.js';
import type { MetadataStore } from '../storage/types.js';
import type { RoundGrant } from '../access/consultationAccess.js';
import { itemAccess, roundAccess, visibleRound } from '../access/consultationAccess.js';
import type { DraftIndex } from './draftIndex.js';
import { tableHeader } from '../export/consultationTable.js';

export function roundItems(store: MetadataStore, roundId: string): ConsultationItem[] {
  return store
    .collection('consultationItems')
    .findMany({ roundId })
    .sort((a, b) => a.seq - b.seq);
}

/** What a unit grant does not see of an item: the group's handling and the current text's labels. */
function unitView(view: ItemView): ItemView {
  return {
    ...view,
    currentClauseLabel: null,
    assigneeId: null,
    assigneeName: null,
    implementedIn: null,
    implementedInLabel: null,
  };
}

export function itemView(
  store: MetadataStore,
  grant: RoundGrant,
  item: ConsultationItem,
  current: DraftIndex,
): ItemView {
  const assignee = item.assigneeId ? store.collection('users').get(item.assigneeId) : undefined;
  const view: ItemView = {
    ...item,
    currentClauseLabel: item.clauseId ? current.labelOf(item.clauseId) : null,
    unitName: grant.round.recipients.find((r) => r.id === item.recipientId)?.unitName ?? '',
    assigneeName: assignee?.name ?? null,
    implementedInLabel: item.implementedIn ? current.labelOf(item.implementedIn.clauseId) : null,
    can: itemAccess(store, grant, item),
  };
  return grant.unitOnly ? unitView(view) : view;
}

/** The items of the round the caller sees (a unit grant: its own unit's only). */
export function visibleItems(store: MetadataStore, grant: RoundGrant): ConsultationItem[] {
  const items = roundItems(store, grant.round.id);
  if (!grant.unitOnly) return items;
  const own = new Set(visibleRound(grant).recipients.map((r) => r.id));
  return items.filter((i) => own.has(i.recipientId));
}

export function roundView(store: MetadataStore, grant: RoundGrant, current: DraftIndex): RoundView {
  const items = visibleItems(store, grant);
  const round = visibleRound(grant);
  return {
    round,
    header: tableHeader(store, grant.project, grant.round),
    items: items.map((item) => itemView(store, grant, item, current)),
    summary: summarizeRound(round.recipients, items),
    access: roundAccess(store, grant),
  };
}

export function roundListItem(store: MetadataStore, round: ConsultationRound): RoundListItem {
  return { ...round, summary: summarizeRound(round.recipients, roundItems(store, round.id)) };
}
