import { http } from '../../../api/http';
import type { DocumentContentResponse } from '@shared/api/types';

export const documentContentApi = {
  /** A document's current text as ProseMirror JSON with its computed numbering. */
  get: (documentId: string, signal?: AbortSignal) =>
    http.get<DocumentContentResponse>(`/api/documents/${encodeURIComponent(documentId)}/content`, { signal }),
};
