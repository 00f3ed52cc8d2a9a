/** The consultation API (征求意见), docs/api.md section "Consultation rounds". */
import { ApiRequestError, NETWORK_ERROR_STATUS, http } from '../../../api/http';
import type {
  ImportRejected,
  ImportResult,
  ItemView,
  PendingConsultation,
  RoundInvitationAccepted,
  RoundInvitationInfo,
  RoundInviteResponse,
  RoundListItem,
  RoundView,
  SnapshotView,
} from '@shared/api/consultation';
import type { DocumentContentResponse } from '@shared/api/types';
import type { HistoryPage } from '@shared/api/history';
import type { AcceptInvitationBody } from '@shared/validation/requests';
import type {
  CreateItemBody,
  OpenRoundBody,
  RecipientBody,
  RoundInvitationBody,
  UpdateItemBody,
  UpdateRecipientBody,
  UpdateRoundBody,
} from '@shared/validation/consultation';

const enc = encodeURIComponent;
const round = (id: string) => `/api/rounds/${enc(id)}`;
const item = (roundId: string, itemId: string) => `${round(roundId)}/items/${enc(itemId)}`;
const recipient = (roundId: string, recipientId: string) => `${round(roundId)}/recipients/${enc(recipientId)}`;

export type ExportKind = 'xlsx' | 'docx' | 'iso';
export type TableSort = 'seq' | 'clause';

const EXPORT_PATHS: Record<ExportKind, string> = { xlsx: 'export.xlsx', docx: 'export.docx', iso: 'export-iso.xlsx' };

/** A plain link to an export (the session cookie authorizes the download). */
export function exportUrl(roundId: string, kind: ExportKind, sort: TableSort): string {
  const base = `${round(roundId)}/${EXPORT_PATHS[kind]}`;
  return sort === 'clause' ? `${base}?sort=clause` : base;
}

/** The outcome of an import: every row imported, or the row-by-row problems (nothing imported). */
export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; rejected: ImportRejected };

function isImportRejected(value: unknown): value is ImportRejected {
  return (
    typeof value === 'object' && value !== null && 'rows' in value && Array.isArray(value.rows) && 'error' in value
  );
}

/** Uploads the .xlsx as the raw request body; a 400 with `rows` is a rejection, anything else an error. */
async function importXlsx(roundId: string, file: Blob, createRecipients: boolean): Promise<ImportOutcome> {
  const url = `${round(roundId)}/import${createRecipients ? '?createRecipients=1' : ''}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body: file,
      credentials: 'include',
      headers: { Accept: 'application/json' },
    });
  } catch (error) {
    throw new ApiRequestError(NETWORK_ERROR_STATUS, error instanceof Error ? error.message : 'network error');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text.length > 0 ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    body = undefined;
  }
  if (response.ok) return { ok: true, result: body as ImportResult };
  if (response.status === 400 && isImportRejected(body)) return { ok: false, rejected: body };
  const message =
    typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
      ? body.error
      : response.statusText;
  throw new ApiRequestError(response.status, message);
}

export const consultationApi = {
  rounds: (projectId: string, signal?: AbortSignal) =>
    http.get<RoundListItem[]>(`/api/projects/${enc(projectId)}/rounds`, { signal }),
  open: (projectId: string, body: OpenRoundBody) =>
    http.post<RoundView>(`/api/projects/${enc(projectId)}/rounds`, body),
  get: (roundId: string, signal?: AbortSignal) => http.get<RoundView>(round(roundId), { signal }),
  update: (roundId: string, body: UpdateRoundBody) => http.patch<RoundView>(round(roundId), body),
  snapshot: (roundId: string, signal?: AbortSignal) => http.get<SnapshotView>(`${round(roundId)}/snapshot`, { signal }),
  /** The current text's numbering (to link the clause that implements a change). */
  currentContent: (documentId: string, signal?: AbortSignal) =>
    http.get<DocumentContentResponse>(`/api/documents/${enc(documentId)}/content`, { signal }),
  /** The latest changes of one clause in the change history (修改记录): what a handler links as the implementation. */
  clauseChanges: (documentId: string, clauseId: string, signal?: AbortSignal) =>
    http.get<HistoryPage>(`/api/documents/${enc(documentId)}/history?clauseId=${enc(clauseId)}&limit=50`, { signal }),
  addRecipient: (roundId: string, body: RecipientBody) => http.post<RoundView>(`${round(roundId)}/recipients`, body),
  updateRecipient: (roundId: string, recipientId: string, body: UpdateRecipientBody) =>
    http.patch<RoundView>(recipient(roundId, recipientId), body),
  removeRecipient: (roundId: string, recipientId: string) => http.delete(recipient(roundId, recipientId)),
  noComments: (roundId: string, recipientId: string) =>
    http.post<RoundView>(`${recipient(roundId, recipientId)}/no-comments`),
  createItem: (roundId: string, body: CreateItemBody) => http.post<ItemView>(`${round(roundId)}/items`, body),
  updateItem: (roundId: string, itemId: string, body: UpdateItemBody) =>
    http.patch<ItemView>(item(roundId, itemId), body),
  removeItem: (roundId: string, itemId: string) => http.delete(item(roundId, itemId)),
  support: (roundId: string, itemId: string) => http.post<ItemView>(`${item(roundId, itemId)}/support`),
  unsupport: (roundId: string, itemId: string) => http.delete(`${item(roundId, itemId)}/support`),
  importXlsx,
  /** Open rounds the caller answers for (待回复的征求意见). */
  pending: (signal?: AbortSignal) => http.get<PendingConsultation[]>('/api/consultations', { signal }),
  inviteContact: (roundId: string, recipientId: string, body: RoundInvitationBody) =>
    http.post<RoundInviteResponse>(`${recipient(roundId, recipientId)}/invitations`, body),
  invitation: (token: string, signal?: AbortSignal) =>
    http.get<RoundInvitationInfo>(`/api/round-invitations/${enc(token)}`, { signal }),
  acceptInvitation: (token: string, body: AcceptInvitationBody) =>
    http.post<RoundInvitationAccepted>(`/api/round-invitations/${enc(token)}/accept`, body),
};
