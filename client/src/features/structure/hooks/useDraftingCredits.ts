import { useEffect, useMemo } from 'react';
import { draftingCredits } from '@shared/domain/draftingCredits';
import type { DraftingCredits } from '@shared/domain/draftingCredits';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { projectsApi } from '../../projects';
import { subscribeProjectEvents } from '../../../realtime/projectEventStream';

export interface CreditsState {
  credits: DraftingCredits | null;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/**
 * The foreword's credits generated from the project's drafting group; refetched when the group
 * changes (live project events) and when the window regains focus.
 */
export function useDraftingCredits(projectId: string): CreditsState {
  const members = useApiQuery((signal) => projectsApi.members(projectId, signal), [projectId]);
  const { reload } = members;

  useEffect(() => {
    const unsubscribe = subscribeProjectEvents(projectId, (event) => {
      if (event.type === 'members-changed' || event.type === 'reconnected') reload();
    });
    window.addEventListener('focus', reload);
    return () => {
      unsubscribe();
      window.removeEventListener('focus', reload);
    };
  }, [projectId, reload]);

  const credits = useMemo(() => (members.data ? draftingCredits(members.data) : null), [members.data]);
  return { credits, loading: members.loading, error: members.error, reload };
}
