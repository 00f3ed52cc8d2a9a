import { Hono } from 'hono';
import { createVersionBody } from '@shared/validation/versions.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { parseBody } from '../validation.js';

/** Document versions: the list, naming the current state, one version's frozen content. */
export function versionRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, versions } = services;
  return new Hono<ApiEnv>()
    .get('/documents/:id/versions', (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      return c.json(versions.list(grant.documentId).map((version) => versions.view(version)));
    })
    .post('/documents/:id/versions', async (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      const body = await parseBody(c, createVersionBody);
      return c.json(versions.view(await versions.name(grant, body)), 201);
    })
    .get('/documents/:id/versions/:versionId', async (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      const version = versions.ofDocument(grant.documentId, c.req.param('versionId'));
      const { snapshot } = await versions.content(version.id);
      return c.json({ version: versions.view(version), content: snapshot.json });
    });
}
