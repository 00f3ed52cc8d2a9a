import type { Context } from 'hono';
import { Hono } from 'hono';
import type { OpenReviewResponse } from '@shared/api/reviews.js';
import { exportQuery } from '@shared/validation/consultation.js';
import {
  openReviewBody,
  opinionBody,
  reviewCommentBody,
  reviewCommentDecisionBody,
} from '@shared/validation/reviews.js';
import { reviewGrantFor } from '../../access/reviewAccess.js';
import type { ReviewGrant } from '../../access/reviewAccess.js';
import { Invalid, NotFound } from '../../domain/errors.js';
import type { UserRecord } from '../../storage/types.js';
import type { ReviewExportFormat } from '../../workflow/review/ReviewExports.js';
import { attachmentDisposition } from '../attachment.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { parseBody } from '../validation.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CONTENT_TYPES: Record<ReviewExportFormat, string> = { xlsx: XLSX, docx: DOCX, 'iso-xlsx': XLSX };

/**
 * The technical review (技术审评): open on the accepted 送审稿, the experts' opinions, votes and
 * comments, close; the drafting group's decisions on the comments; the 审查意见汇总处理表 exports.
 */
export function reviewRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, workflow, metadata } = services;
  const { reviews, reviewExports } = workflow;
  const grant = (user: UserRecord, reviewId: string): ReviewGrant => {
    const found = reviewGrantFor(metadata, user, reviewId);
    if (!found) throw new NotFound('review not found');
    return found;
  };
  const view = (g: ReviewGrant) => reviews.view(g);
  const download = async (c: Context<ApiEnv>, format: ReviewExportFormat): Promise<Response> => {
    const g = grant(requireUser(c), c.req.param('id') ?? '');
    const query = exportQuery.safeParse({ sort: c.req.query('sort') });
    if (!query.success) throw new Invalid('sort must be seq or clause', [{ path: 'sort', message: 'seq or clause' }]);
    const { data, fileName } = await reviewExports.file(g, format, query.data.sort);
    c.header('Content-Type', CONTENT_TYPES[format]);
    c.header('Content-Disposition', attachmentDisposition(fileName, 'review'));
    return c.body(data.slice().buffer, 200);
  };
  return new Hono<ApiEnv>()
    .get('/projects/:id/reviews', (c) =>
      c.json(reviews.list(access.viewableProject(requireUser(c), c.req.param('id')))),
    )
    .post('/projects/:id/reviews', async (c) => {
      const projectGrant = access.viewableProject(requireUser(c), c.req.param('id'));
      reviews.assertMayConvene(projectGrant);
      const body = await parseBody(c, openReviewBody);
      const { review, links } = await reviews.open(projectGrant, body, new URL(c.req.url).origin);
      return c.json<OpenReviewResponse>({ ...reviews.view({ ...projectGrant, review }), invitationLinks: links }, 201);
    })
    .get('/reviews/:id', (c) => c.json(view(grant(requireUser(c), c.req.param('id')))))
    .put('/reviews/:id/opinion', async (c) => {
      const g = grant(requireUser(c), c.req.param('id'));
      reviews.assertMayVote(g);
      const body = await parseBody(c, opinionBody);
      await reviews.recordOpinion(g, body);
      return c.json(view(g));
    })
    .post('/reviews/:id/comments', async (c) => {
      const g = grant(requireUser(c), c.req.param('id'));
      reviews.assertMayVote(g);
      const body = await parseBody(c, reviewCommentBody);
      const comment = await reviews.addComment(g, body);
      return c.json(comment, 201);
    })
    .patch('/reviews/:id/comments/:commentId', async (c) => {
      const g = grant(requireUser(c), c.req.param('id'));
      reviews.assertMayDecide(g);
      const body = await parseBody(c, reviewCommentDecisionBody);
      return c.json(await reviews.decideComment(g, c.req.param('commentId'), body));
    })
    .post('/reviews/:id/close', async (c) => {
      const g = grant(requireUser(c), c.req.param('id'));
      await reviews.close(g);
      return c.json(view(g));
    })
    .get('/reviews/:id/export.xlsx', (c) => download(c, 'xlsx'))
    .get('/reviews/:id/export.docx', (c) => download(c, 'docx'))
    .get('/reviews/:id/export-iso.xlsx', (c) => download(c, 'iso-xlsx'));
}
