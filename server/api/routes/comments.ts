import { Hono } from 'hono';
import { createThreadBody, editCommentBody, replyBody } from '@shared/validation/comments.js';
import { projectCommentStats } from '../../comments/statsView.js';
import { canChange } from '../../comments/views.js';
import { ApiProblem } from '../../services/ApiProblem.js';
import type { ApiEnv, AppServices } from '../context.js';
import { viewableComment, viewableThread } from '../commentGuards.js';
import { viewableDocument, viewableProject } from '../guards.js';
import { parseBody } from '../validation.js';

/** Comments on the text: threads anchored to a range, replies, edits, resolving (docs/api.md). */
export function commentRoutes(services: AppServices): Hono<ApiEnv> {
  const { comments } = services;
  return new Hono<ApiEnv>()
    .get('/projects/:id/comment-stats', (c) => {
      const { project } = viewableProject(services, c, c.req.param('id'));
      return c.json(projectCommentStats(project, comments.stats.forProject(project.id)));
    })
    .get('/documents/:id/threads', async (c) => {
      return c.json(await comments.threads.list(viewableDocument(services, c, c.req.param('id'))));
    })
    .post('/documents/:id/threads', async (c) => {
      const grant = viewableDocument(services, c, c.req.param('id'));
      // Rights before the body: an observer learns nothing from a well-formed request either.
      if (!grant.access.canComment) throw new ApiProblem(403, 'only the lead, drafters and reviewers may comment');
      const body = await parseBody(c, createThreadBody);
      return c.json(await comments.threads.create(grant, body), 201);
    })
    .post('/threads/:id/comments', async (c) => {
      const grant = viewableThread(services, c, c.req.param('id'));
      if (!grant.access.canComment) throw new ApiProblem(403, 'only the lead, drafters and reviewers may comment');
      const body = await parseBody(c, replyBody);
      return c.json(await comments.threads.reply(grant, body), 201);
    })
    .post('/threads/:id/resolve', async (c) => {
      const grant = viewableThread(services, c, c.req.param('id'));
      return c.json(await comments.threads.settle(grant, 'resolved'));
    })
    .post('/threads/:id/reopen', async (c) => {
      const grant = viewableThread(services, c, c.req.param('id'));
      return c.json(await comments.threads.settle(grant, 'open'));
    })
    .patch('/comments/:id', async (c) => {
      const grant = viewableComment(services, c, c.req.param('id'));
      if (!canChange(grant, grant.comment)) throw new ApiProblem(403, 'only the author may change a comment');
      const body = await parseBody(c, editCommentBody);
      return c.json(await comments.threads.edit(grant, body));
    })
    .delete('/comments/:id', async (c) => {
      const grant = viewableComment(services, c, c.req.param('id'));
      await comments.threads.remove(grant);
      return c.body(null, 204);
    });
}
