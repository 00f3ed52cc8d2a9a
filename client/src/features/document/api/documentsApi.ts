import { http } from '../../../api/http';
import type { DocumentResponse } from '@shared/api/types';

const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export const documentsApi = {
  get: (id: string, signal?: AbortSignal) => http.get<DocumentResponse>(documentPath(id), { signal }),
  /** A plain link to the document as a Word file (the session cookie authorizes the download). */
  wordExportUrl: (id: string) => `${documentPath(id)}/export.docx`,
};
