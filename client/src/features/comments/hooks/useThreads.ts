import { useCallback } from 'react';
import type { ThreadView } from '@shared/api/comments';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { commentsApi } from '../api/commentsApi';
import { useProjectEvents } from '../../../realtime/useProjectEvents';

export interface Threads {
  threads: ThreadView[];
  canComment: boolean;
  loading: boolean;
  error: unknown;
  reload: () => void;
  /** Puts a thread answered by a mutation in place (before the live refetch arrives). */
  replace: (thread: ThreadView) => void;
  drop: (threadId: string) => void;
}

const NO_THREADS: ThreadView[] = [];

/** The document's threads, refetched whenever the server announces a change of its comments. */
export function useThreads(projectId: string, documentId: string): Threads {
  const query = useApiQuery((signal) => commentsApi.list(documentId, signal), [documentId]);
  const { reload, setData, data } = query;

  useProjectEvents(
    projectId,
    (event) => {
      if (event.type === 'comments-changed' && event.documentId === documentId) reload();
      if (event.type === 'members-changed') reload();
    },
    reload,
  );

  const replace = useCallback(
    (thread: ThreadView) => {
      if (!data) return;
      const exists = data.threads.some((t) => t.id === thread.id);
      setData({
        ...data,
        threads: exists ? data.threads.map((t) => (t.id === thread.id ? thread : t)) : [...data.threads, thread],
      });
    },
    [data, setData],
  );
  const drop = useCallback(
    (threadId: string) => {
      if (data) setData({ ...data, threads: data.threads.filter((t) => t.id !== threadId) });
    },
    [data, setData],
  );

  return {
    threads: data?.threads ?? NO_THREADS,
    canComment: data?.canComment ?? false,
    loading: query.loading,
    error: query.error,
    reload,
    replace,
    drop,
  };
}
