/** The change history API (docs/api.md, "Change history"). */
import { http } from '../../../api/http';
import type { HistoryEntryView, HistoryPage } from '@shared/api/history';
import type { ProjectStage } from '@shared/domain/project';

/** The filters of the timeline (all optional; `from`/`to` are `YYYY-MM-DD` days). */
export interface HistoryFilters {
  clauseId?: string;
  organizationId?: string;
  userId?: string;
  from?: string;
  to?: string;
  stage?: ProjectStage;
}

const enc = encodeURIComponent;
const base = (documentId: string) => `/api/documents/${enc(documentId)}/history`;

function queryOf(filters: HistoryFilters, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, ...extra })) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const historyApi = {
  /** One page of the timeline, newest first; `cursor` is the previous page's `nextCursor`. */
  page: (documentId: string, filters: HistoryFilters, cursor: string | null, signal?: AbortSignal) =>
    http.get<HistoryPage>(`${base(documentId)}${queryOf(filters, { cursor: cursor ?? undefined })}`, { signal }),
  entry: (documentId: string, entryId: string, signal?: AbortSignal) =>
    http.get<HistoryEntryView>(`${base(documentId)}/${enc(entryId)}`, { signal }),
};

/** A plain link to the filtered timeline as .xlsx (the session cookie authorizes the download). */
export function historyExportUrl(documentId: string, filters: HistoryFilters): string {
  return `${base(documentId)}.xlsx${queryOf(filters)}`;
}
