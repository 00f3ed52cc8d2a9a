/** The frozen 征求意见稿 of a round (immutable: loaded once per round). */
import type { SnapshotView } from '@shared/api/consultation';
import { useApiQuery } from '../../../hooks/useApiQuery';
import type { ApiQuery } from '../../../hooks/useApiQuery';
import { consultationApi } from '../api/consultationApi';

export function useSnapshot(roundId: string): ApiQuery<SnapshotView> {
  return useApiQuery((signal) => consultationApi.snapshot(roundId, signal), [roundId]);
}
