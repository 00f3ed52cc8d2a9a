/** GET /api/export/formats: which file formats the server can make right now. */
export interface ExportFormatsView {
  /** Always: the .docx export needs nothing outside the server. */
  docx: true;
  /** Whether LibreOffice is installed, so that `export.pdf` and the package's PDF copies can be made. */
  pdf: boolean;
}
