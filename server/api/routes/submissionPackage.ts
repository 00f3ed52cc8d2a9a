import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ExportFormatsView } from '@shared/api/exportFormats.js';
import type { PackageJobView } from '@shared/api/submissionPackage.js';
import { documentExportQuery } from '@shared/validation/documentExport.js';
import { packageJobBody, packageQuery } from '@shared/validation/submissionPackage.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { attachmentDisposition } from '../attachment.js';
import { parseBody, parseQuery } from '../validation.js';

const ZIP = 'application/zip';
const PDF = 'application/pdf';

function zipResponse(c: Context<ApiEnv>, zip: Uint8Array, fileName: string): Response {
  c.header('Content-Type', ZIP);
  c.header('Content-Disposition', attachmentDisposition(fileName, 'package'));
  return c.body(zip.slice().buffer, 200);
}

/**
 * The submission package (提交材料): GET /projects/:id/package builds it in the request (scripts);
 * the dialog starts a package job, follows its parts and downloads the zip when it is done. Also a
 * document's PDF (beside its export.docx, same query), and whether PDFs can be made at all.
 */
export function submissionPackageRoutes(services: AppServices): Hono<ApiEnv> {
  const { access, submissionPackage, documentPdf, pdf } = services;
  return new Hono<ApiEnv>()
    .get('/export/formats', async (c) => {
      requireUser(c);
      // Looked up on each request: LibreOffice may be installed (or removed) while the server runs.
      const office = await pdf.status();
      return c.json<ExportFormatsView>({ docx: true, pdf: office.available });
    })
    .get('/documents/:id/export.pdf', async (c) => {
      const grant = access.viewableDocument(requireUser(c), c.req.param('id'));
      const query = parseQuery(c, documentExportQuery);
      const file = await documentPdf.pdf(grant, grant.documentId, {
        versionId: query.version,
        stageLabel: query.stage,
      });
      c.header('Content-Type', PDF);
      c.header('Content-Disposition', attachmentDisposition(file.fileName, 'document'));
      c.header('X-Document-State-Hash', file.source.stateHash);
      return c.body(file.data.slice().buffer, 200);
    })
    .get('/projects/:id/package', async (c) => {
      const user = requireUser(c);
      const { project } = access.viewableProject(user, c.req.param('id'));
      const query = parseQuery(c, packageQuery);
      const built = await submissionPackage.builder.buildSubmissionPackage({
        projectId: project.id,
        stageLabel: query.stage,
        pdf: query.pdf === '1',
        user,
      });
      return zipResponse(c, built.zip, built.fileName);
    })
    .post('/projects/:id/package-jobs', async (c) => {
      const user = requireUser(c);
      const { project } = access.viewableProject(user, c.req.param('id'));
      const body = await parseBody(c, packageJobBody);
      const job = await submissionPackage.jobs.start({
        projectId: project.id,
        stageLabel: body.stage,
        pdf: body.pdf,
        versions: body.versions,
        user,
      });
      return c.json<PackageJobView>(job, 202);
    })
    .get('/projects/:id/package-jobs/:jobId', (c) => {
      const user = requireUser(c);
      const { project } = access.viewableProject(user, c.req.param('id'));
      return c.json<PackageJobView>(submissionPackage.jobs.view(user.id, project.id, c.req.param('jobId')));
    })
    .get('/projects/:id/package-jobs/:jobId/download', async (c) => {
      const user = requireUser(c);
      const { project } = access.viewableProject(user, c.req.param('id'));
      const built = await submissionPackage.jobs.download(user.id, project.id, c.req.param('jobId'));
      return zipResponse(c, built.zip, built.fileName);
    });
}
