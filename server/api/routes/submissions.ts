import { Hono } from 'hono';
import { decisionBody, submitBody } from '@shared/validation/workflow.js';
import { attachmentDisposition } from '../attachment.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { parseBody } from '../validation.js';

/** Submissions (送审 / 报批) and the bureaus' check: submit, list, one submission, decide, its package. */
export function submissionRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, workflow } = services;
  const { submissions, decisions } = workflow;
  return new Hono<ApiEnv>()
    .get('/projects/:id/submissions', (c) =>
      c.json(submissions.list(access.viewableProject(requireUser(c), c.req.param('id')))),
    )
    .post('/projects/:id/submissions', async (c) => {
      const grant = access.viewableProject(requireUser(c), c.req.param('id'));
      submissions.assertMaySubmit(grant);
      const body = await parseBody(c, submitBody);
      const submission = await submissions.submit(grant, body);
      return c.json(submissions.view({ ...grant, submission }), 201);
    })
    .get('/submissions/:id', (c) =>
      c.json(submissions.view(access.viewableSubmission(requireUser(c), c.req.param('id')))),
    )
    .post('/submissions/:id/decision', async (c) => {
      const grant = access.viewableSubmission(requireUser(c), c.req.param('id'));
      const body = await parseBody(c, decisionBody);
      const submission = await decisions.decide(grant, body);
      return c.json(submissions.view({ ...grant, submission }));
    })
    .get('/submissions/:id/package', async (c) => {
      const { submission } = access.viewableSubmission(requireUser(c), c.req.param('id'));
      const { data, fileName } = await workflow.packages.read(submission);
      c.header('Content-Type', 'application/zip');
      c.header('Content-Disposition', attachmentDisposition(fileName, 'package'));
      return c.body(data.slice().buffer, 200);
    });
}
