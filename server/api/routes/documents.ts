import { Hono } from 'hono';
import { documentExportQuery } from '@shared/validation/documentExport.js';
import { attachmentDisposition } from '../attachment.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { parseQuery } from '../validation.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function documentRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, documentService, documentExports } = services;
  return new Hono<ApiEnv>()
    .get('/documents/:id', (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      // The editor asks for this right before it connects: its document loads meanwhile.
      services.collab().preload(grant.documentId);
      return c.json(documentService.describe(grant));
    })
    .get('/documents/:id/content', async (c) =>
      c.json(await documentService.content(access.viewableDocument(requireUser(c), c.req.param('id')))),
    )
    .get('/documents/:id/check', async (c) =>
      c.json(await documentService.check(access.viewableDocument(requireUser(c), c.req.param('id')))),
    )
    .get('/documents/:id/export.docx', async (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      const query = parseQuery(c, documentExportQuery);
      const file = await documentExports.docx(grant, grant.documentId, {
        versionId: query.version,
        stageLabel: query.stage,
      });
      c.header('Content-Type', DOCX);
      c.header('Content-Disposition', attachmentDisposition(file.fileName, 'document'));
      c.header('X-Document-State-Hash', file.source.stateHash);
      return c.body(file.data.slice().buffer, 200);
    });
}
