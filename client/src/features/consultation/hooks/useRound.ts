/**
 * The live summary-and-handling table of one round: GET /api/rounds/:id, refetched on every SSE
 * `consultation-changed` of that round (and after a reconnection, when events may have been missed).
 */
import { useCallback } from 'react';
import type { RoundView } from '@shared/api/consultation';
import { useApiQuery } from '../../../hooks/useApiQuery';
import type { ApiQuery } from '../../../hooks/useApiQuery';
import { consultationApi } from '../api/consultationApi';
import { useProjectEvents } from '../../../realtime/useProjectEvents';
import type { ProjectChangeEvent } from '../../../realtime/projectEventStream';

/** Calls `refetch` for the events that concern `matches`, and after every reconnection. */
export function useLiveRefetch(
  projectId: string | undefined,
  matches: (event: ProjectChangeEvent) => boolean,
  refetch: () => void,
): void {
  const onEvent = useCallback(
    (event: ProjectChangeEvent) => {
      if (matches(event)) refetch();
    },
    [matches, refetch],
  );
  useProjectEvents(projectId, onEvent, refetch);
}

export function useRound(roundId: string): ApiQuery<RoundView> {
  const query = useApiQuery((signal) => consultationApi.get(roundId, signal), [roundId]);
  const matches = useCallback(
    (event: ProjectChangeEvent) =>
      (event.type === 'consultation-changed' && event.roundId === roundId) || event.type === 'members-changed',
    [roundId],
  );
  // A consulted unit outside the drafting group has no access to the project's event stream.
  useLiveRefetch(query.data?.access.unitOnly ? undefined : query.data?.round.projectId, matches, query.reload);
  return query;
}
