import { Hono } from 'hono';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';

export function documentRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, documentService } = services;
  return new Hono<ApiEnv>()
    .get('/documents/:id', (c) =>
      c.json(documentService.describe(access.viewableDocument(requireUser(c), c.req.param('id')))),
    )
    .get('/documents/:id/content', async (c) =>
      c.json(await documentService.content(access.viewableDocument(requireUser(c), c.req.param('id')))),
    )
    .get('/documents/:id/check', async (c) =>
      c.json(await documentService.check(access.viewableDocument(requireUser(c), c.req.param('id')))),
    );
}
