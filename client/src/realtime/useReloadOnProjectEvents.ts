import type { ProjectEventType } from '@shared/api/events';
import { useProjectEvents } from './useProjectEvents';

/** Refetches when the project's live events name a change of this kind (and after a reconnect, when events may have been missed). */
export function useReloadOnProjectEvents(
  projectId: string | undefined,
  types: readonly ProjectEventType[],
  reload: () => void,
): void {
  useProjectEvents(
    projectId,
    (event) => {
      if (types.includes(event.type)) reload();
    },
    reload,
  );
}
