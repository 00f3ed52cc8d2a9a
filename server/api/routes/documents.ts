import { Hono } from 'hono';
import type { DocumentContentResponse, DocumentResponse } from '@shared/api/types.js';
import { draftingCredits } from '@shared/domain/draftingCredits.js';
import { computeNumbering } from '@shared/editor/structure/numbering.js';
import { yDocToJSON } from '@shared/editor/yjsContent.js';
import { runChecker } from '@shared/checker/runChecker.js';
import { publishDocumentCheck } from '../../extensions/CheckerExtension.js';
import type { DocumentCheckResponse } from '@shared/api/types.js';
import { ApiProblem } from '../../services/ApiProblem.js';
import { memberView, projectListItem } from '../../services/views.js';
import type { ApiEnv, AppServices } from '../context.js';
import { viewableDocument } from '../guards.js';

export function documentRoutes(services: AppServices): Hono<ApiEnv> {
  const { metadata } = services;
  return new Hono<ApiEnv>()
    .get('/documents/:id', (c) => {
      const { project, access, documentId } = viewableDocument(services, c, c.req.param('id'));
      const document = project.documents.find((d) => d.id === documentId);
      if (!document) throw new ApiProblem(404, 'document not found');
      const response: DocumentResponse = { document, project: projectListItem(metadata, project, access) };
      return c.json(response);
    })
    .get('/documents/:id/content', async (c) => {
      const { project, documentId } = viewableDocument(services, c, c.req.param('id'));
      const content = await services.collab().readDocument(documentId, (doc) => yDocToJSON(doc));
      const members = metadata
        .collection('members')
        .findMany({ projectId: project.id })
        .map((m) => memberView(metadata, m));
      const response: DocumentContentResponse = {
        documentId,
        content,
        numbering: computeNumbering(content),
        draftingCredits: draftingCredits(members),
      };
      return c.json(response);
    })
    .get('/documents/:id/check', async (c) => {
      const { project, documentId } = viewableDocument(services, c, c.req.param('id'));
      const kind = project.documents.find((d) => d.id === documentId)?.kind;
      if (!kind) throw new ApiProblem(404, 'document not found');
      const content = await services.collab().readDocument(documentId, (doc) => yDocToJSON(doc));
      const result = runChecker(content, kind);
      const checkedAt = new Date().toISOString();
      // Fresh findings: the stored counts (and progress tracking) follow them.
      await publishDocumentCheck(metadata, services.collab(), {
        documentId,
        projectId: project.id,
        counts: result.counts,
        checkedAt,
      });
      const response: DocumentCheckResponse = { documentId, kind, ...result, checkedAt };
      return c.json(response);
    });
}
