/**
 * Rounds opened before the version model existed froze their 征求意见稿 as a bare snapshot: give each
 * one its version record (once, at startup), so that history and exports see every frozen state.
 */
import type { DocumentVersion } from '@shared/domain/versions.js';
import { newId } from '../auth/tokens.js';
import type { MetadataStore, SnapshotStore } from '../storage/types.js';
import { stateHash } from './VersionService.js';

export async function backfillRoundVersions(store: MetadataStore, snapshots: SnapshotStore): Promise<number> {
  const rounds = store
    .collection('consultationRounds')
    .findMany()
    .filter((round) => !round.versionId);
  let made = 0;
  for (const round of rounds) {
    const snapshot = await snapshots.load(round.snapshotId);
    if (!snapshot) continue;
    const version: DocumentVersion = {
      id: newId('ver'),
      projectId: round.projectId,
      documentId: round.documentId,
      kind: 'round',
      name: round.title,
      createdBy: snapshot.createdBy,
      createdAt: snapshot.createdAt,
      snapshotId: snapshot.id,
      stateHash: stateHash(snapshot.state),
      roundId: round.id,
    };
    await store.batch((batch) => {
      batch.insert('documentVersions', [version]);
      batch.update('consultationRounds', round.id, { versionId: version.id });
    });
    made += 1;
  }
  return made;
}
