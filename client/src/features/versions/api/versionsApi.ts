import { http } from '../../../api/http';
import type { DocumentRestoreView, RestoreResult, VersionDiffView } from '@shared/api/versionDiff';
import type { DocumentVersionView } from '@shared/domain/versions';
import type { CreateVersionBody, RestoreBody } from '@shared/validation/versions';

const enc = encodeURIComponent;

/** The version API (docs/api.md, "Document versions"). `to` (and `from`) may be `current`. */
export const versionsApi = {
  list: (documentId: string, signal?: AbortSignal) =>
    http.get<DocumentVersionView[]>(`/api/documents/${enc(documentId)}/versions`, { signal }),
  name: (documentId: string, body: CreateVersionBody) =>
    http.post<DocumentVersionView>(`/api/documents/${enc(documentId)}/versions`, body),
  diff: (documentId: string, from: string, to: string, signal?: AbortSignal) =>
    http.get<VersionDiffView>(`/api/documents/${enc(documentId)}/diff?from=${enc(from)}&to=${enc(to)}`, { signal }),
  /** The difference as .docx (a plain link: the session cookie authorizes it). */
  diffDocxUrl: (documentId: string, from: string, to: string) =>
    `/api/documents/${enc(documentId)}/diff.docx?from=${enc(from)}&to=${enc(to)}`,
  restore: (documentId: string, body: RestoreBody) =>
    http.post<RestoreResult>(`/api/documents/${enc(documentId)}/restore`, body),
  restores: (documentId: string, signal?: AbortSignal) =>
    http.get<DocumentRestoreView[]>(`/api/documents/${enc(documentId)}/restores`, { signal }),
};
