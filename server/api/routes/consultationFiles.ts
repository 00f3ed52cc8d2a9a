import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ImportRejected, ImportResult } from '@shared/api/consultation.js';
import { exportQuery } from '@shared/validation/consultation.js';
import type { RoundGrant } from '../../access/consultationAccess.js';
import type { ExportFormat } from '../../consultation/ExportService.js';
import { Invalid } from '../../domain/errors.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { attachmentDisposition } from '../attachment.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CONTENT_TYPES: Record<ExportFormat, string> = { xlsx: XLSX, docx: DOCX, 'iso-xlsx': XLSX };

/** The import of a 征求意见汇总处理表: an upload, with its own body limit (see createApi). */
export const CONSULTATION_IMPORT_PATH = '/rounds/:id/import';
/** The largest .xlsx accepted for import (what it may unpack to is bounded in server/import). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The uploaded workbook: a multipart field `file`, or the raw request body. */
async function uploadedFile(c: Context<ApiEnv>): Promise<Uint8Array> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) throw new Invalid('the multipart field "file" with the .xlsx is missing');
    return new Uint8Array(await file.arrayBuffer());
  }
  const data = new Uint8Array(await c.req.arrayBuffer());
  if (data.length === 0) throw new Invalid('the request body must be the .xlsx file');
  return data;
}

/** Import from and export to the 征求意见汇总处理表 (.xlsx, .docx) and the ISO/IEC template. */
export function consultationFileRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, consultation } = services;
  const download = async (c: Context<ApiEnv>, grant: RoundGrant, format: ExportFormat): Promise<Response> => {
    const query = exportQuery.safeParse({ sort: c.req.query('sort') });
    if (!query.success) throw new Invalid('sort must be seq or clause', [{ path: 'sort', message: 'seq or clause' }]);
    const { data, fileName } = await consultation.exports.file(grant, format, query.data.sort);
    c.header('Content-Type', CONTENT_TYPES[format]);
    c.header('Content-Disposition', attachmentDisposition(fileName, 'consultation'));
    return c.body(data.slice().buffer, 200);
  };

  return new Hono<ApiEnv>()
    .post(CONSULTATION_IMPORT_PATH, async (c) => {
      const grant = access.managedRound(requireUser(c), c.req.param('id'));
      const data = await uploadedFile(c);
      const createRecipients = ['1', 'true'].includes(c.req.query('createRecipients') ?? '');
      const outcome = await consultation.imports.importXlsx(grant, data, createRecipients);
      if (!outcome.ok) {
        const rejected: ImportRejected = {
          error: `${outcome.problems.length} problem(s) in the spreadsheet; nothing was imported`,
          rows: outcome.problems,
          issues: outcome.problems.map((p) => ({
            path: `row ${p.row}${p.column ? ` ${p.column}` : ''}`,
            message: p.message,
          })),
        };
        return c.json(rejected, 400);
      }
      const result: ImportResult = {
        imported: outcome.items.length,
        createdRecipients: outcome.createdRecipients,
        items: await consultation.views.items(grant, outcome.items),
      };
      return c.json(result);
    })
    .get('/rounds/:id/export.xlsx', (c) => download(c, access.groupRound(requireUser(c), c.req.param('id')), 'xlsx'))
    .get('/rounds/:id/export.docx', (c) => download(c, access.groupRound(requireUser(c), c.req.param('id')), 'docx'))
    .get('/rounds/:id/export-iso.xlsx', (c) =>
      download(c, access.groupRound(requireUser(c), c.req.param('id')), 'iso-xlsx'),
    );
}
