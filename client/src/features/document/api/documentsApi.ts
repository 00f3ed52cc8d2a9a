import { http } from '../../../api/http';
import type { DocumentContentResponse, DocumentResponse } from '@shared/api/types';

const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export const documentsApi = {
  get: (id: string, signal?: AbortSignal) => http.get<DocumentResponse>(documentPath(id), { signal }),
  /** The current text as ProseMirror JSON with its computed numbering. */
  content: (id: string, signal?: AbortSignal) =>
    http.get<DocumentContentResponse>(`${documentPath(id)}/content`, { signal }),
};
