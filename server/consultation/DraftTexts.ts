/**
 * The two texts a round refers to: the frozen 征求意见稿 (an immutable snapshot, indexed once and
 * cached) and the live standard text (read through the collaboration server at each request).
 */
import { yDocToJSON } from '@shared/editor/yjsContent.js';
import type { DraftingCredits } from '@shared/domain/draftingCredits.js';
import type { CollabServer } from '../collab/CollabServer.js';
import type { VersionContent, VersionService } from '../versions/VersionService.js';
import type { SnapshotStore, StoredSnapshot } from '../storage/types.js';
import type { DraftIndex } from './draftIndex.js';
import { indexDraft } from './draftIndex.js';

export interface FrozenDraft {
  snapshot: StoredSnapshot;
  index: DraftIndex;
}

const CACHE_LIMIT = 32;

export class DraftTexts {
  private readonly frozenCache = new Map<string, FrozenDraft>();

  constructor(
    private readonly snapshots: SnapshotStore,
    private readonly versions: VersionService,
    private readonly collab: () => CollabServer,
  ) {}

  /**
   * Freezes the live text of a document, with its foreword's credits, as the version a round sends
   * out (the one version model: server/versions).
   */
  async freeze(
    round: { id: string; projectId: string; documentId: string; title: string },
    userId: string,
    draftingCredits: DraftingCredits,
  ): Promise<VersionContent> {
    return this.versions.create({
      projectId: round.projectId,
      documentId: round.documentId,
      kind: 'round',
      name: round.title,
      userId,
      draftingCredits,
      roundId: round.id,
    });
  }

  async frozen(snapshotId: string): Promise<FrozenDraft> {
    const cached = this.frozenCache.get(snapshotId);
    if (cached) return cached;
    const snapshot = await this.snapshots.load(snapshotId);
    if (!snapshot) throw new Error(`snapshot ${snapshotId} is missing`);
    const frozen: FrozenDraft = { snapshot, index: indexDraft(snapshot.json) };
    if (this.frozenCache.size >= CACHE_LIMIT) {
      const oldest = this.frozenCache.keys().next().value;
      if (oldest !== undefined) this.frozenCache.delete(oldest);
    }
    this.frozenCache.set(snapshotId, frozen);
    return frozen;
  }

  /** The current text's labels (a clause deleted since the round was opened has none). */
  async current(documentId: string): Promise<DraftIndex> {
    const json = await this.collab().readDocument(documentId, (doc) => yDocToJSON(doc));
    return indexDraft(json);
  }
}
