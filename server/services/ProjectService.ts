/** Standard projects (研制项目): creation with their three documents, plan-field edits. */
import * as Y from 'yjs';
import { DOCUMENT_KINDS } from '../../shared/domain/project.js';
import type { DocumentKind, Project, ProjectDocument } from '../../shared/domain/project.js';
import type { CreateProjectBody, UpdateProjectBody } from '../../shared/validation/requests.js';
import { writeJSONToYDoc } from '../../shared/editor/yjsContent.js';
import type { ProseMirrorJSON } from '../../shared/editor/yjsContent.js';
import type { DocumentStore, MetadataStore, UserRecord } from '../storage/types.js';
import { newId } from '../auth/tokens.js';
import { DOCUMENT_TITLES, documentTemplate } from '../documents/templates/index.js';
import type { AuditLog } from './AuditLog.js';
import { ApiProblem } from './ApiProblem.js';

/** Six months after the start date (研制周期一般为六个月). */
export function defaultDueDate(startDate: string): string {
  const date = new Date(`${startDate}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 6);
  return date.toISOString().slice(0, 10);
}

export interface CreateProjectOptions {
  /** Content per document kind instead of the new-project templates (the demo seed). */
  content?: Partial<Record<DocumentKind, ProseMirrorJSON>>;
  stage?: Project['stage'];
}

export class ProjectService {
  constructor(
    private readonly store: MetadataStore,
    private readonly documents: DocumentStore,
    private readonly audit: AuditLog,
  ) {}

  async create(body: CreateProjectBody, actor: UserRecord, options: CreateProjectOptions = {}): Promise<Project> {
    const organizations = this.store.collection('organizations');
    const leadOrganizationId = body.leadOrganizationId ?? actor.organizationId;
    const lead = organizations.get(leadOrganizationId);
    if (!lead || lead.kind !== 'enterprise') throw new ApiProblem(400, 'the lead drafting unit must be an enterprise');
    if (!actor.isAdmin && leadOrganizationId !== actor.organizationId) {
      throw new ApiProblem(403, 'only administrators may create a project for another organization');
    }
    for (const id of body.supervisingBureauIds) {
      if (organizations.get(id)?.kind !== 'market-supervision-bureau') throw new ApiProblem(400, `not a market supervision bureau: ${id}`);
    }
    const now = new Date().toISOString();
    const project: Project = {
      id: newId('prj'),
      nameZh: body.nameZh,
      nameEn: body.nameEn,
      standardType: body.standardType,
      publicationCategory: body.publicationCategory,
      planBatch: body.planBatch,
      planNumber: body.planNumber,
      leadOrganizationId,
      supervisingBureauIds: body.supervisingBureauIds,
      startDate: body.startDate,
      dueDate: body.dueDate ?? defaultDueDate(body.startDate),
      publishingBody: body.publishingBody,
      stage: options.stage ?? 'drafting',
      documents: DOCUMENT_KINDS.map((kind): ProjectDocument => ({ id: newId('doc'), kind, title: DOCUMENT_TITLES[kind] })),
      createdAt: now,
      updatedAt: now,
    };
    // Documents are created from their templates here, on the server, once — never by a client.
    for (const document of project.documents) {
      const json =
        options.content?.[document.kind] ??
        documentTemplate(document.kind, {
          nameZh: project.nameZh,
          nameEn: project.nameEn,
          leadOrganizationName: lead.name,
          participatingOrganizationNames: [],
          drafterNames: [actor.name],
          year: Number(project.startDate.slice(0, 4)),
          publishingBody: project.publishingBody,
        });
      const doc = new Y.Doc();
      writeJSONToYDoc(doc, json);
      await this.documents.append(document.id, [{ update: Y.encodeStateAsUpdate(doc), userId: actor.id, at: Date.now() }]);
      doc.destroy();
    }
    await this.store.collection('projects').insert(project);
    if (!actor.isAdmin || leadOrganizationId === actor.organizationId) {
      await this.store.collection('members').insert({
        id: newId('mem'),
        projectId: project.id,
        userId: actor.id,
        organizationId: actor.organizationId,
        relation: 'lead-unit',
        role: 'lead',
        addedAt: now,
      });
    }
    await this.audit.record(project.id, actor.id, 'project.created', { name: project.nameZh });
    return project;
  }

  async update(project: Project, body: UpdateProjectBody, actor: UserRecord): Promise<Project> {
    for (const id of body.supervisingBureauIds ?? []) {
      if (this.store.collection('organizations').get(id)?.kind !== 'market-supervision-bureau') {
        throw new ApiProblem(400, `not a market supervision bureau: ${id}`);
      }
    }
    const changed = Object.keys(body).filter((k) => body[k as keyof UpdateProjectBody] !== undefined);
    const updated = await this.store.collection('projects').update(project.id, { ...stripUndefined(body), updatedAt: new Date().toISOString() });
    if (!updated) throw new ApiProblem(404, 'project not found');
    await this.audit.record(project.id, actor.id, 'project.updated', { fields: changed.join(',') });
    return updated;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
