/**
 * Comment statistics for the progress view: per document, the open / resolved / orphaned thread
 * counts in total, per clause (where the anchored text is now) and per organization, stored in the
 * metadata collection `commentStats`. Refreshed after every comment change (domain event
 * `comments-changed`) and, debounced, after edits of a document that has threads (an edit can
 * orphan a thread or move it to another clause). A record is written only when its counts change,
 * never per keystroke.
 */
import type * as Y from 'yjs';
import type { CommentCounts, CommentStats } from '@shared/api/comments.js';
import type { CollabServer } from '../collab/CollabServer.js';
import type {
  Extension,
  OnChangePayload,
  OnConfigurePayload,
  OnDisconnectPayload,
  UnloadPayload,
} from '../collab/hooks.js';
import { indexDocument } from '../comments/documentIndex.js';
import type { FreshAnchor } from '../comments/documentIndex.js';
import type { DomainEventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { MetadataStore } from '../storage/types.js';
import { KeyedDebouncedTasks } from '../lib/DebouncedTask.js';
import type { DebounceTiming } from '../lib/DebouncedTask.js';
import { KeyedQueue } from '../lib/KeyedQueue.js';

export type CommentStatsPolicy = DebounceTiming;

export interface CommentStatsListeners {
  /** A document's stored statistics changed (the project's pages refetch them). */
  stored(projectId: string, documentId: string): void;
  /** Threads whose text was found again after an edit recreated it: their new anchors, to be stored. */
  reanchored(documentId: string, anchors: Map<string, FreshAnchor>): Promise<void>;
}

type Row<K extends string> = CommentCounts & Record<K, string | null>;

function emptyCounts(): CommentCounts {
  return { open: 0, resolved: 0, orphaned: 0 };
}

export class CommentStatsExtension implements Extension {
  readonly name = 'comment-stats';
  readonly priority = 200;
  private server: CollabServer | null = null;
  private destroyed = false;
  /** Per document, the refresh waiting for edits to pause. */
  private readonly afterEdits: KeyedDebouncedTasks;
  /** Fresh anchors found by the last computation, stored by the refresh that follows it. */
  private readonly pendingAnchors = new Map<string, Map<string, FreshAnchor>>();
  /** Refreshes of one document run one after the other. */
  private readonly refreshes = new KeyedQueue();
  /**
   * Per loaded document, whether it has threads: looked up once, not per keystroke (a lookup scans
   * the workspace’s threads — ≈6 ms with 50,000 of them, on the event loop of every edit); forgotten
   * after a comment change and when the document is unloaded.
   */
  private readonly commented = new Map<string, boolean>();

  constructor(
    private readonly metadata: MetadataStore,
    private readonly log: Logger,
    private readonly listeners: CommentStatsListeners,
    policy: CommentStatsPolicy = { debounceMs: 1000, maxWaitMs: 5000 },
  ) {
    this.afterEdits = new KeyedDebouncedTasks(policy);
  }

  attach(events: DomainEventBus): void {
    events.on('comments-changed', ({ documentId }) => {
      this.commented.delete(documentId);
      this.enqueue(documentId);
    });
  }

  onConfigure({ server }: OnConfigurePayload): void {
    this.server = server;
  }

  onChange({ documentId }: OnChangePayload): void {
    // Cheap for documents nobody commented on: no thread, nothing to follow.
    if (!this.hasThreads(documentId)) return;
    this.afterEdits.schedule(documentId, () => {
      if (this.server?.isLoaded(documentId)) this.enqueue(documentId);
    });
  }

  /** The last one left: count now, from the document's final state, instead of loading it again later. */
  async onDisconnect({ documentId, document, remainingConnections }: OnDisconnectPayload): Promise<void> {
    if (remainingConnections > 0 || !this.afterEdits.cancel(documentId)) return;
    this.enqueue(documentId, this.compute(documentId, document));
  }

  async afterUnloadDocument({ documentId }: UnloadPayload): Promise<void> {
    this.afterEdits.cancel(documentId);
    this.commented.delete(documentId);
  }

  private hasThreads(documentId: string): boolean {
    let has = this.commented.get(documentId);
    if (has === undefined) {
      has = this.metadata.collection('commentThreads').findOne({ documentId }) !== undefined;
      this.commented.set(documentId, has);
    }
    return has;
  }

  async onDestroy(): Promise<void> {
    this.destroyed = true;
    this.afterEdits.cancelAll();
    await this.idle();
  }

  /** Waits until every pending refresh is stored (tests, shutdown). */
  async idle(): Promise<void> {
    await this.refreshes.idle();
  }

  /** Queues a refresh; `computed` is a result already taken from the document (otherwise it is read). */
  private enqueue(documentId: string, computed?: CommentStats | null): void {
    void this.refreshes.run(documentId, async () => {
      try {
        await this.refresh(documentId, computed);
      } catch (error) {
        this.log.error({ err: error, documentId }, 'comment statistics not stored');
      }
    });
  }

  /** The statistics of a document in its given state (null when it has no threads). */
  compute(documentId: string, ydoc: Y.Doc): CommentStats | null {
    const threads = this.metadata.collection('commentThreads').findMany({ documentId });
    const first = threads[0];
    if (!first) return null;
    const index = indexDocument(ydoc, threads);
    if (index.reanchored.size > 0) this.pendingAnchors.set(documentId, index.reanchored);
    const total = emptyCounts();
    const byClause = new Map<string, Row<'clauseId' | 'label'>>();
    const byOrganization = new Map<string, Row<'organizationId' | 'organizationName'>>();
    const add = (counts: CommentCounts, resolved: boolean, orphaned: boolean): void => {
      if (resolved) counts.resolved++;
      else {
        counts.open++;
        if (orphaned) counts.orphaned++;
      }
    };
    for (const thread of threads) {
      const state = index.states.get(thread.id);
      const orphaned = state?.orphaned ?? true;
      const clauseId = state?.clauseId ?? thread.clauseId;
      const resolved = thread.status === 'resolved';
      add(total, resolved, orphaned);
      const clauseKey = clauseId ?? '';
      let clause = byClause.get(clauseKey);
      if (!clause) {
        clause = { clauseId, label: index.labelOf(clauseId), ...emptyCounts() };
        byClause.set(clauseKey, clause);
      }
      add(clause, resolved, orphaned);
      let organization = byOrganization.get(thread.organizationId);
      if (!organization) {
        const organizationName = this.metadata.collection('organizations').get(thread.organizationId)?.name ?? '';
        organization = { organizationId: thread.organizationId, organizationName, ...emptyCounts() };
        byOrganization.set(thread.organizationId, organization);
      }
      add(organization, resolved, orphaned);
    }
    return {
      id: documentId,
      projectId: first.projectId,
      documentId,
      ...total,
      byClause: [...byClause.values()].map((r) => ({
        clauseId: r.clauseId,
        label: r.label,
        open: r.open,
        resolved: r.resolved,
        orphaned: r.orphaned,
      })),
      byOrganization: [...byOrganization.values()]
        .map((r) => ({
          organizationId: r.organizationId ?? '',
          organizationName: r.organizationName ?? '',
          open: r.open,
          resolved: r.resolved,
          orphaned: r.orphaned,
        }))
        .sort((a, b) => a.organizationName.localeCompare(b.organizationName, 'zh-CN')),
      updatedAt: new Date().toISOString(),
    };
  }

  async refresh(documentId: string, computed?: CommentStats | null): Promise<void> {
    const collection = this.metadata.collection('commentStats');
    const previous = collection.get(documentId);
    let stats: CommentStats | null;
    if (computed !== undefined) stats = computed;
    else if (!this.metadata.collection('commentThreads').findOne({ documentId })) stats = null;
    else if (this.destroyed || !this.server) return;
    else stats = await this.server.readDocument(documentId, (doc) => this.compute(documentId, doc));
    const anchors = this.pendingAnchors.get(documentId);
    this.pendingAnchors.delete(documentId);
    if (anchors) await this.listeners.reanchored(documentId, anchors);
    if (!stats) {
      if (previous) {
        await collection.remove(documentId);
        this.listeners.stored(previous.projectId, documentId);
      }
      return;
    }
    if (!previous) {
      await collection.insert(stats);
      this.listeners.stored(stats.projectId, documentId);
      return;
    }
    const { updatedAt: _before, ...before } = previous;
    const { updatedAt: _after, ...after } = stats;
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await collection.update(documentId, stats);
      this.listeners.stored(stats.projectId, documentId);
    }
  }

  /** The stored statistics of a project's documents (the progress view). */
  forProject(projectId: string): CommentStats[] {
    return this.metadata.collection('commentStats').findMany({ projectId });
  }
}
