/** The change history's entries for one clause of the current text (none without a clause). */
import type { HistoryEntryView } from '@shared/api/history';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { consultationApi } from '../api/consultationApi';

const NONE: HistoryEntryView[] = [];

export function useClauseChanges(documentId: string, clauseId: string | undefined) {
  const query = useApiQuery(
    async (signal) => (clauseId ? (await consultationApi.clauseChanges(documentId, clauseId, signal)).entries : NONE),
    [documentId, clauseId],
  );
  return { entries: query.data ?? NONE, loading: query.loading, error: query.error };
}
