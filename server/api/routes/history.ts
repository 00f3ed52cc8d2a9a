import { Hono } from 'hono';
import { HISTORY_ENTRY_ID, historyQuery } from '@shared/validation/history.js';
import { NotFound } from '../../domain/errors.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { parseQuery } from '../validation.js';
import { attachmentDisposition } from '../attachment.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The change history of a document: the timeline (paged, filtered), one entry, the .xlsx export. */
export function historyRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, history } = services;
  return new Hono<ApiEnv>()
    .get('/documents/:id/history', async (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      return c.json(await history.page(grant, parseQuery(c, historyQuery)));
    })
    .get('/documents/:id/history.xlsx', async (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      const { data, fileName } = await history.xlsx(grant, parseQuery(c, historyQuery));
      c.header('Content-Type', XLSX);
      c.header('Content-Disposition', attachmentDisposition(fileName, 'history'));
      return c.body(data.slice().buffer, 200);
    })
    .get('/documents/:id/history/:entryId', async (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      const entryId = c.req.param('entryId');
      if (!HISTORY_ENTRY_ID.test(entryId)) throw new NotFound('history entry not found');
      return c.json(await history.entry(grant, entryId));
    });
}
