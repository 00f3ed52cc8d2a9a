import { http } from '../../../api/http';
import type { DocumentResponse } from '@shared/api/types';

const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export const documentsApi = {
  get: (id: string, signal?: AbortSignal) => http.get<DocumentResponse>(documentPath(id), { signal }),
};
