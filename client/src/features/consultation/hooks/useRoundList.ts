/** The rounds of a project, newest first; counts stay live through SSE. */
import { useCallback } from 'react';
import type { RoundListItem } from '@shared/api/consultation';
import type { ProjectEvent } from '@shared/api/events';
import { useApiQuery } from '../../../hooks/useApiQuery';
import type { ApiQuery } from '../../../hooks/useApiQuery';
import { consultationApi } from '../api/consultationApi';
import { useLiveRefetch } from './useRound';

const isConsultationEvent = (event: ProjectEvent) => event.type === 'consultation-changed';

export function useRoundList(projectId: string): ApiQuery<RoundListItem[]> {
  const query = useApiQuery((signal) => consultationApi.rounds(projectId, signal), [projectId]);
  const matches = useCallback(isConsultationEvent, []);
  useLiveRefetch(projectId, matches, query.reload);
  return query;
}
