/**
 * A project document as PDF: its .docx (the document export, live text or a stored version)
 * converted by LibreOffice. When the PDF cannot be made — LibreOffice missing, timed out or failed —
 * the request answers 503 with the reason (`Unavailable`); the .docx stays downloadable.
 */
import type { ProjectGrant } from '../../access/projectAccess.js';
import { Unavailable } from '../../domain/errors.js';
import type {
  DocumentExportOptions,
  DocumentExportService,
  ExportedDocument,
} from '../documents/DocumentExportService.js';
import { PdfConversionError } from './conversionErrors.js';
import type { PdfConverter } from './PdfConverter.js';

export class DocumentPdfExport {
  constructor(
    private readonly documents: DocumentExportService,
    private readonly converter: PdfConverter,
  ) {}

  async pdf(grant: ProjectGrant, documentId: string, options: DocumentExportOptions = {}): Promise<ExportedDocument> {
    const status = await this.converter.status();
    if (!status.available) throw new Unavailable(`PDF export is not available: ${status.reason}`);
    const docx = await this.documents.docx(grant, documentId, options);
    try {
      const data = await this.converter.convert(docx.data, 'document.docx');
      return { ...docx, data, fileName: docx.fileName.replace(/\.docx$/, '.pdf') };
    } catch (error) {
      if (error instanceof PdfConversionError) throw new Unavailable(`the PDF could not be made: ${error.message}`);
      throw error;
    }
  }
}
