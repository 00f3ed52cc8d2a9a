import { Hono } from 'hono';
import { createVersionBody, diffQuery, restoreBody } from '@shared/validation/versions.js';
import { attachmentDisposition } from '../attachment.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { parseBody, parseQuery } from '../validation.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Document versions: the list, naming the current state, one version's frozen content; differences
 * between two states (JSON and .docx); restoring a clause or the whole document to a version.
 */
export function versionRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, versions, versionDiffs, diffDocx, restores } = services;
  return new Hono<ApiEnv>()
    .get('/documents/:id/versions', (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      // Who lists versions is about to compare them: the difference worker reads the newest ahead.
      versionDiffs.warm(grant.documentId);
      return c.json(versions.list(grant.documentId).map((version) => versions.view(version)));
    })
    .post('/documents/:id/versions', async (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      const body = await parseBody(c, createVersionBody);
      const version = await versions.name(grant, body);
      // It will be compared: the difference worker reads it now rather than on the first difference.
      versionDiffs.prepare(grant.documentId, [version.id]);
      return c.json(versions.view(version), 201);
    })
    .get('/documents/:id/versions/:versionId', async (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      const version = versions.ofDocument(grant.documentId, c.req.param('versionId'));
      const { snapshot } = await versions.content(version.id);
      // The foreword's credits as they were frozen (the standard text's versions keep them; else null).
      return c.json({
        version: versions.view(version),
        content: snapshot.json,
        draftingCredits: snapshot.draftingCredits ?? null,
      });
    })
    .get('/documents/:id/diff', async (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      const query = parseQuery(c, diffQuery);
      return c.json(await versionDiffs.diff(grant, query.from, query.to));
    })
    .get('/documents/:id/diff.docx', async (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      const query = parseQuery(c, diffQuery);
      const view = await versionDiffs.diff(grant, query.from, query.to);
      const file = await diffDocx.docx(view);
      c.header('Content-Type', DOCX);
      c.header(
        'Content-Disposition',
        attachmentDisposition(`${view.documentTitle}修改对照（${view.from.name}→${view.to.name}）.docx`, 'diff'),
      );
      return c.body(file.slice().buffer, 200);
    })
    .post('/documents/:id/restore', async (c) => {
      const grant = restores.authorize(access.viewableDocument(requireUser(c), c.req.param('id')));
      const body = await parseBody(c, restoreBody);
      return c.json({ restore: await restores.restore(grant, body) });
    })
    .get('/documents/:id/restores', (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      return c.json(restores.list(grant.documentId));
    });
}
