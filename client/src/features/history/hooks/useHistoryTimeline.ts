/**
 * The document's timeline for the filters: the first page, further pages on demand, and the newest
 * entries fetched again whenever the project's event stream says the history changed (the entry
 * being typed grows, new entries appear on top; pages already loaded further down stay).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HistoryAuthor, HistoryEntryView, HistoryPage, StagePeriod } from '@shared/api/history';
import { useProjectEvents } from '../../../realtime/useProjectEvents';
import { historyApi } from '../api/historyApi';
import type { HistoryFilters } from '../api/historyApi';

/** Live changes arrive with every store of the document (about a second apart while people type). */
const REFRESH_DELAY_MS = 800;

export interface HistoryTimeline {
  entries: HistoryEntryView[];
  authors: HistoryAuthor[];
  stages: StagePeriod[];
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
}

/** The fresh first page, followed by the older entries loaded before that it does not reach. */
function merge(fresh: HistoryPage, previous: HistoryEntryView[]): HistoryEntryView[] {
  const last = fresh.entries[fresh.entries.length - 1];
  if (!last || fresh.nextCursor === null) return fresh.entries;
  const older = previous.filter((e) => compareIds(e.id, last.id) < 0);
  return [...fresh.entries, ...older];
}

/** Entry ids (`<generation>.<index>`) in the order they were stored. */
function compareIds(a: string, b: string): number {
  const [ag = 0, ai = 0] = a.split('.').map(Number);
  const [bg = 0, bi = 0] = b.split('.').map(Number);
  return ag - bg || ai - bi;
}

export function useHistoryTimeline(projectId: string, documentId: string, filters: HistoryFilters): HistoryTimeline {
  const [entries, setEntries] = useState<HistoryEntryView[]>([]);
  const [authors, setAuthors] = useState<HistoryAuthor[]>([]);
  const [stages, setStages] = useState<StagePeriod[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const filterKey = JSON.stringify(filters);
  /** The current filters' requests; older answers are dropped. */
  const generation = useRef(0);
  const latest = useRef({ filters, entries, cursor });
  latest.current = { filters, entries, cursor };

  const fetchFirst = useCallback(
    (mode: 'replace' | 'merge') => {
      const mine = generation.current;
      if (mode === 'replace') setLoading(true);
      historyApi.page(documentId, latest.current.filters, null).then(
        (page) => {
          if (mine !== generation.current) return;
          setEntries((previous) => (mode === 'merge' ? merge(page, previous) : page.entries));
          if (mode === 'replace' || latest.current.entries.length <= page.entries.length) setCursor(page.nextCursor);
          setAuthors(page.authors);
          setStages(page.stages);
          setError(undefined);
          setLoading(false);
        },
        (reason: unknown) => {
          if (mine !== generation.current) return;
          setError(reason);
          setLoading(false);
        },
      );
    },
    [documentId],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `filterKey` stands for the filters' values
  useEffect(() => {
    generation.current += 1;
    setEntries([]);
    setCursor(null);
    fetchFirst('replace');
  }, [fetchFirst, filterKey]);

  const loadMore = useCallback(() => {
    const { cursor: next } = latest.current;
    if (next === null || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    historyApi.page(documentId, latest.current.filters, next).then(
      (page) => {
        if (mine !== generation.current) return;
        setEntries((previous) => [...previous, ...page.entries.filter((e) => compareIds(e.id, next) < 0)]);
        setCursor(page.nextCursor);
        setLoadingMore(false);
      },
      (reason: unknown) => {
        if (mine !== generation.current) return;
        setError(reason);
        setLoadingMore(false);
      },
    );
  }, [documentId, loadingMore]);

  // New changes: fetch the newest entries again, a moment after the last announcement.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshSoon = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      fetchFirst('merge');
    }, REFRESH_DELAY_MS);
  }, [fetchFirst]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useProjectEvents(
    projectId,
    (event) => {
      if (event.type === 'history-changed' && event.documentId === documentId) refreshSoon();
    },
    refreshSoon,
  );

  const reload = useCallback(() => fetchFirst('replace'), [fetchFirst]);
  return {
    entries,
    authors,
    stages,
    loading,
    loadingMore,
    hasMore: cursor !== null,
    error,
    loadMore,
    reload,
  };
}
