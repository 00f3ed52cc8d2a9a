import { http } from '../../../api/http';
import type { DocumentResponse } from '../../../../../shared/api/types';

export const documentsApi = {
  get: (id: string, signal?: AbortSignal) => http.get<DocumentResponse>(`/api/documents/${encodeURIComponent(id)}`, { signal }),
};
