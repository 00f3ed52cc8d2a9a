import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ImportRejected, ImportResult } from '@shared/api/consultation.js';
import { exportQuery } from '@shared/validation/consultation.js';
import type { RoundGrant } from '../../consultation/access.js';
import { itemView, roundItems } from '../../consultation/views.js';
import { consultationDocx } from '../../export/consultationDocx.js';
import type { ConsultationTable } from '../../export/consultationTable.js';
import { buildConsultationTable, exportFileName } from '../../export/consultationTable.js';
import { consultationXlsx } from '../../export/consultationXlsx.js';
import { isoCommentsXlsx } from '../../export/isoCommentsXlsx.js';
import { ApiProblem } from '../../services/ApiProblem.js';
import type { ApiEnv, AppServices } from '../context.js';
import { groupRound, managedRound } from '../consultationGuards.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function download(c: Context<ApiEnv>, data: Uint8Array, type: string, fileName: string): Response {
  c.header('Content-Type', type);
  c.header(
    'Content-Disposition',
    `attachment; filename="consultation.${fileName.split('.').pop() ?? 'bin'}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  return c.body(data.slice().buffer, 200);
}

/** The uploaded workbook: a multipart field `file`, or the raw request body. */
async function uploadedFile(c: Context<ApiEnv>): Promise<Uint8Array> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) throw new ApiProblem(400, 'the multipart field "file" with the .xlsx is missing');
    return new Uint8Array(await file.arrayBuffer());
  }
  const data = new Uint8Array(await c.req.arrayBuffer());
  if (data.length === 0) throw new ApiProblem(400, 'the request body must be the .xlsx file');
  return data;
}

/** Import from and export to the 征求意见汇总处理表 (.xlsx, .docx) and the ISO/IEC template. */
export function consultationFileRoutes(services: AppServices): Hono<ApiEnv> {
  const { metadata, consultation } = services;
  const table = (c: Context<ApiEnv>, grant: RoundGrant): ConsultationTable => {
    const query = exportQuery.safeParse({ sort: c.req.query('sort') });
    if (!query.success)
      throw new ApiProblem(400, 'sort must be seq or clause', [{ path: 'sort', message: 'seq or clause' }]);
    return buildConsultationTable(
      metadata,
      grant.project,
      grant.round,
      roundItems(metadata, grant.round.id),
      query.data.sort,
    );
  };

  return new Hono<ApiEnv>()
    .post('/rounds/:id/import', async (c) => {
      const grant = managedRound(services, c, c.req.param('id'));
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
      const round = metadata.collection('consultationRounds').get(grant.round.id) ?? grant.round;
      const current = await consultation.texts.current(round.documentId);
      const result: ImportResult = {
        imported: outcome.items.length,
        createdRecipients: outcome.createdRecipients,
        items: outcome.items.map((item) => itemView(metadata, { ...grant, round }, item, current)),
      };
      return c.json(result);
    })
    .get('/rounds/:id/export.xlsx', async (c) => {
      const t = table(c, groupRound(services, c, c.req.param('id')));
      return download(c, await consultationXlsx(t), XLSX, exportFileName(t, '', 'xlsx'));
    })
    .get('/rounds/:id/export.docx', async (c) => {
      const t = table(c, groupRound(services, c, c.req.param('id')));
      return download(c, await consultationDocx(t), DOCX, exportFileName(t, '', 'docx'));
    })
    .get('/rounds/:id/export-iso.xlsx', async (c) => {
      const t = table(c, groupRound(services, c, c.req.param('id')));
      return download(c, await isoCommentsXlsx(t), XLSX, exportFileName(t, '-ISO', 'xlsx'));
    });
}
