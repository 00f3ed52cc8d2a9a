/** The chapters, clauses and annexes of the current standard text (to link where a change was made). */
import { useMemo } from 'react';
import type { OutlineEntry } from '@shared/api/consultation';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { consultationApi } from '../api/consultationApi';

export interface CurrentOutline {
  outline: OutlineEntry[];
  loading: boolean;
  error: unknown;
}

export function useCurrentOutline(documentId: string): CurrentOutline {
  const query = useApiQuery((signal) => consultationApi.currentContent(documentId, signal), [documentId]);
  const outline = useMemo(
    () =>
      (query.data?.numbering.outline ?? [])
        .filter((item) => item.id.length > 0)
        .map((item) => ({ id: item.id, label: item.label, title: item.title, depth: item.depth })),
    [query.data],
  );
  return { outline, loading: query.loading, error: query.error };
}
