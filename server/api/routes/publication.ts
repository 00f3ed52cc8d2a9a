import { Hono } from 'hono';
import { periodicReviewBody, publicationBody } from '@shared/validation/reviews.js';
import { recognitionList, recognitionListXlsx } from '../../workflow/publication/recognitionList.js';
import { attachmentDisposition } from '../attachment.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { parseBody } from '../validation.js';

/** 发布与认定: the publication of a project (standard number, dates, registration number); the recognition list. */
export function publicationRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, workflow } = services;
  return new Hono<ApiEnv>()
    .get('/projects/:id/publication', (c) =>
      c.json(workflow.publication.view(access.viewableProject(requireUser(c), c.req.param('id')))),
    )
    .put('/projects/:id/publication', async (c) => {
      const grant = access.viewableProject(requireUser(c), c.req.param('id'));
      workflow.publication.assertMayRecord(grant);
      const body = await parseBody(c, publicationBody);
      await workflow.publication.record(grant, body);
      return c.json(workflow.publication.view(grant));
    })
    .post('/projects/:id/periodic-reviews', async (c) => {
      const grant = access.viewableProject(requireUser(c), c.req.param('id'));
      workflow.periodicReviews.assertMayRecord(grant);
      const body = await parseBody(c, periodicReviewBody);
      return c.json(await workflow.periodicReviews.record(grant, body), 201);
    })
    .get('/recognition-list', (c) => {
      requireUser(c);
      return c.json(recognitionList(services.metadata));
    })
    .get('/recognition-list.xlsx', async (c) => {
      requireUser(c);
      const data = await recognitionListXlsx(recognitionList(services.metadata));
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('Content-Disposition', attachmentDisposition('浙江制造标准认定目录.xlsx', 'recognition-list'));
      return c.body(data.slice().buffer, 200);
    });
}
