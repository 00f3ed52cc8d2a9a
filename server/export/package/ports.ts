/**
 * What the package needs from a module it may not import: the consultation table files
 * (server/consultation's ExportService sits above server/export in the layers and imports it).
 * app.ts passes the real service.
 */
import type { RoundGrant } from '../../access/consultationAccess.js';

export interface ConsultationTableFiles {
  file(grant: RoundGrant, format: 'docx' | 'xlsx', sort: 'seq'): Promise<{ data: Uint8Array; fileName: string }>;
}
