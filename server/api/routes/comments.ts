import { Hono } from 'hono';
import { createThreadBody, editCommentBody, replyBody } from '@shared/validation/comments.js';
import { projectCommentStats } from '../../comments/statsView.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { parseBody } from '../validation.js';

/** Comments on the text: threads anchored to a range, replies, edits, resolving (docs/api.md). */
export function commentRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, comments } = services;
  const { threads } = comments;
  return new Hono<ApiEnv>()
    .get('/projects/:id/comment-stats', (c) => {
      const { project } = access.viewableProject(requireUser(c), c.req.param('id'));
      return c.json(projectCommentStats(project, comments.stats.forProject(project.id)));
    })
    .get('/documents/:id/threads', async (c) => {
      return c.json(await threads.list(access.viewableDocument(requireUser(c), c.req.param('id'))));
    })
    .post('/documents/:id/threads', async (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      // Rights before the body: an observer learns nothing from a well-formed request either.
      threads.assertMayComment(grant);
      const body = await parseBody(c, createThreadBody);
      return c.json(await threads.create(grant, body), 201);
    })
    .post('/threads/:id/comments', async (c) => {
      const grant = access.viewableThread(requireUser(c), c.req.param('id'));
      threads.assertMayComment(grant);
      const body = await parseBody(c, replyBody);
      return c.json(await threads.reply(grant, body), 201);
    })
    .post('/threads/:id/resolve', async (c) => {
      const grant = access.viewableThread(requireUser(c), c.req.param('id'));
      return c.json(await threads.settle(grant, 'resolved'));
    })
    .post('/threads/:id/reopen', async (c) => {
      const grant = access.viewableThread(requireUser(c), c.req.param('id'));
      return c.json(await threads.settle(grant, 'open'));
    })
    .patch('/comments/:id', async (c) => {
      const grant = access.viewableComment(requireUser(c), c.req.param('id'));
      threads.assertMayChange(grant, 'change');
      const body = await parseBody(c, editCommentBody);
      return c.json(await threads.edit(grant, body));
    })
    .delete('/comments/:id', async (c) => {
      const grant = access.viewableComment(requireUser(c), c.req.param('id'));
      await threads.remove(grant);
      return c.body(null, 204);
    });
}
