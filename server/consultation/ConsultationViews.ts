/**
 * What the consultation API answers: rounds with their live table, items with the current text's
 * labels and the caller's rights, the frozen draft, and the caller's pending rounds.
 */
import type {
  ItemView,
  PendingConsultation,
  RoundListItem,
  RoundView,
  SnapshotView,
} from '@shared/api/consultation.js';
import type { ConsultationItem, ConsultationRound } from '@shared/domain/consultation.js';
import type { RoundGrant } from '../access/consultationAccess.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';
import type { DraftTexts } from './DraftTexts.js';
import { pendingConsultations } from './pending.js';
import { itemView, roundListItem, roundView } from './views.js';

export class ConsultationViews {
  constructor(
    private readonly store: MetadataStore,
    private readonly texts: DraftTexts,
  ) {}

  /** A project's rounds, newest first. */
  rounds(projectId: string): RoundListItem[] {
    return this.store
      .collection('consultationRounds')
      .findMany({ projectId })
      .sort((a, b) => b.number - a.number)
      .map((r) => roundListItem(this.store, r));
  }

  /** The round of the grant, with the table the caller sees (`round`: the round as just changed). */
  async round(grant: RoundGrant, round: ConsultationRound = grant.round): Promise<RoundView> {
    return roundView(this.store, { ...grant, round }, await this.texts.current(round.documentId));
  }

  /** Items with the round as it is now (a recipient's reply may have changed with them). */
  async items(grant: RoundGrant, items: readonly ConsultationItem[]): Promise<ItemView[]> {
    const round = this.store.collection('consultationRounds').get(grant.round.id) ?? grant.round;
    const current = await this.texts.current(round.documentId);
    return items.map((item) => itemView(this.store, { ...grant, round }, item, current));
  }

  async item(grant: RoundGrant, item: ConsultationItem): Promise<ItemView> {
    const [view] = await this.items(grant, [item]);
    if (!view) throw new Error('item view missing');
    return view;
  }

  /** The frozen 征求意见稿 of the round, with its labels and outline. */
  async snapshot(round: ConsultationRound): Promise<SnapshotView> {
    const { snapshot, index } = await this.texts.frozen(round.snapshotId);
    return {
      roundId: round.id,
      projectId: round.projectId,
      documentId: snapshot.documentId,
      draftingCredits: snapshot.draftingCredits ?? null,
      createdAt: snapshot.createdAt,
      stageLabel: round.stageLabel,
      json: snapshot.json,
      labels: index.labels,
      outline: index.outline,
    };
  }

  /** 待回复的征求意见 of the user. */
  pending(user: UserRecord): PendingConsultation[] {
    return pendingConsultations(this.store, user);
  }
}
