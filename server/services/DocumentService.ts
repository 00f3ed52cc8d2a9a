/** The project documents as the API reads them: what a document is, its current content, fresh checker findings. */
import type { DocumentCheckResponse, DocumentContentResponse, DocumentResponse } from '@shared/api/types.js';
import type { ProjectDocument } from '@shared/domain/project.js';
import { draftingCredits } from '@shared/domain/draftingCredits.js';
import { computeNumbering } from '@shared/editor/structure/numbering.js';
import { yDocToJSON } from '@shared/editor/yjsContent.js';
import type { DocumentGrant } from '../access/commentAccess.js';
import type { CheckerPool } from '../checker/CheckerPool.js';
import type { CollabServer } from '../collab/CollabServer.js';
import { NotFound } from '../domain/errors.js';
import { publishDocumentCheck } from './documentChecks.js';
import type { MetadataStore } from '../storage/types.js';
import { memberViews, projectListItem } from './views.js';

export class DocumentService {
  constructor(
    private readonly store: MetadataStore,
    private readonly collab: () => CollabServer,
    private readonly checker: CheckerPool,
  ) {}

  private document({ project, documentId }: DocumentGrant): ProjectDocument {
    const document = project.documents.find((d) => d.id === documentId);
    if (!document) throw new NotFound('document not found');
    return document;
  }

  describe(grant: DocumentGrant): DocumentResponse {
    return { document: this.document(grant), project: projectListItem(this.store, grant.project, grant.access) };
  }

  /** The live content with its computed numbering and the drafting credits of the group as it is now. */
  async content({ project, documentId }: DocumentGrant): Promise<DocumentContentResponse> {
    const content = await this.collab().readDocument(documentId, (doc) => yDocToJSON(doc));
    return {
      documentId,
      content,
      numbering: computeNumbering(content),
      draftingCredits: draftingCredits(memberViews(this.store, project.id)),
    };
  }

  /** Fresh findings of the drafting checker; the stored counts (and progress tracking) follow them. */
  async check(grant: DocumentGrant): Promise<DocumentCheckResponse> {
    const { kind } = this.document(grant);
    const { documentId, project } = grant;
    const result = await this.collab().readDocument(documentId, (doc) => this.checker.check(doc, kind));
    const checkedAt = new Date().toISOString();
    await publishDocumentCheck(this.store, this.collab(), {
      documentId,
      projectId: project.id,
      counts: result.counts,
      checkedAt,
    });
    return { documentId, kind, ...result, checkedAt };
  }
}
