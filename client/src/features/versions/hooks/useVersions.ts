import { useApiQuery } from '../../../hooks/useApiQuery';
import { useReloadOnProjectEvents } from '../../../realtime/useReloadOnProjectEvents';
import { versionsApi } from '../api/versionsApi';

const VERSION_EVENTS = ['versions-changed'] as const;

/** The versions of a document, newest first, refetched whenever the project announces a new one. */
export function useVersions(documentId: string, projectId: string) {
  const query = useApiQuery((signal) => versionsApi.list(documentId, signal), [documentId]);
  useReloadOnProjectEvents(projectId, VERSION_EVENTS, query.reload);
  return query;
}
