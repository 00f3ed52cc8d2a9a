/**
 * Keeps each round's statistics — the footer counts and the items still open — in the metadata
 * collection `consultationStats` for the progress view, and pushes `consultation-changed` to the
 * project's live pages once they are stored. Listens to the domain event of every change.
 */
import type { ConsultationStats } from '@shared/api/consultation.js';
import { summarizeRound } from '@shared/consultation/summary.js';
import type { DomainEventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { MetadataStore } from '../storage/types.js';
import { KeyedQueue } from '../lib/KeyedQueue.js';
import { roundItems } from './views.js';

export class ConsultationStatsService {
  /** Refreshes of one round run one after the other. */
  private readonly refreshes = new KeyedQueue();

  constructor(
    private readonly store: MetadataStore,
    private readonly hub: ProjectEventHub,
    private readonly log: Logger,
  ) {}

  attach(events: DomainEventBus): void {
    events.on('consultation-changed', ({ projectId, roundId }) => {
      void this.refreshes.run(roundId, async () => {
        try {
          await this.refresh(roundId);
        } catch (error) {
          this.log.error({ err: error, roundId }, 'consultation statistics not stored');
        }
        this.hub.publish(projectId, { type: 'consultation-changed', roundId });
      });
    });
  }

  /** Waits until every pending refresh is stored (tests, shutdown). */
  async idle(): Promise<void> {
    await this.refreshes.idle();
  }

  compute(roundId: string): ConsultationStats | null {
    const round = this.store.collection('consultationRounds').get(roundId);
    if (!round) return null;
    const items = roundItems(this.store, roundId);
    return {
      id: round.id,
      projectId: round.projectId,
      roundNumber: round.number,
      closed: round.closedAt !== null,
      deadline: round.deadline,
      summary: summarizeRound(round.recipients, items),
      openItems: items
        .filter((i) => i.decision === null)
        .map((i) => ({ id: i.id, seq: i.seq, clauseLabel: i.clauseLabel, assigneeId: i.assigneeId })),
      updatedAt: new Date().toISOString(),
    };
  }

  async refresh(roundId: string): Promise<void> {
    const stats = this.compute(roundId);
    const collection = this.store.collection('consultationStats');
    if (!stats) {
      await collection.remove(roundId);
      return;
    }
    if (collection.get(roundId)) await collection.update(roundId, stats);
    else await collection.insert(stats);
  }

  /** The stored statistics of a project's rounds (the progress view). */
  forProject(projectId: string): ConsultationStats[] {
    return this.store
      .collection('consultationStats')
      .findMany({ projectId })
      .sort((a, b) => a.roundNumber - b.roundNumber);
  }
}
