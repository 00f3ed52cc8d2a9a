import { Hono } from 'hono';
import type { DocumentResponse } from '../../../shared/api/types.js';
import { ApiProblem } from '../../services/ApiProblem.js';
import { projectListItem } from '../../services/views.js';
import type { ApiEnv, AppServices } from '../context.js';
import { viewableDocument } from '../guards.js';

export function documentRoutes(services: AppServices): Hono<ApiEnv> {
  return new Hono<ApiEnv>().get('/documents/:id', (c) => {
    const { project, access, documentId } = viewableDocument(services, c, c.req.param('id'));
    const document = project.documents.find((d) => d.id === documentId);
    if (!document) throw new ApiProblem(404, 'document not found');
    const response: DocumentResponse = { document, project: projectListItem(services.metadata, project, access) };
    return c.json(response);
  });
}
