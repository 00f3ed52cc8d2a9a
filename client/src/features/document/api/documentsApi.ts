import { http } from '../../../api/http';
import type { ExportFormatsView } from '@shared/api/exportFormats';
import type { DocumentResponse } from '@shared/api/types';

const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export const documentsApi = {
  get: (id: string, signal?: AbortSignal) => http.get<DocumentResponse>(documentPath(id), { signal }),
  /** A plain link to the document as a Word file (the session cookie authorizes the download). */
  wordExportUrl: (id: string) => `${documentPath(id)}/export.docx`,
  /** A plain link to the document as PDF (LibreOffice on the server; see `exportFormats`). */
  pdfExportUrl: (id: string) => `${documentPath(id)}/export.pdf`,
  /** Whether the server can make PDFs now. */
  exportFormats: (signal?: AbortSignal) => http.get<ExportFormatsView>('/api/export/formats', { signal }),
};
