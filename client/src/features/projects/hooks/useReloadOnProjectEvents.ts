import { useEffect } from 'react';
import type { ProjectEvent } from '@shared/api/events';
import { subscribeProjectEvents } from '../../document/lib/projectEventHub';

/** Refetches when the project's live events name a change of this kind (and after a reconnect, when events may have been missed). */
export function useReloadOnProjectEvents(
  projectId: string,
  types: readonly ProjectEvent['type'][],
  reload: () => void,
): void {
  const key = types.join(',');
  useEffect(() => {
    if (!projectId) return undefined;
    const wanted = new Set(key.split(','));
    return subscribeProjectEvents(projectId, (event) => {
      if (event.type === 'reconnected' || wanted.has(event.type)) reload();
    });
  }, [projectId, key, reload]);
}
