/** Standard projects (研制项目): what a user sees of them, creation with their three documents, plan-field edits. */
import * as Y from 'yjs';
import { DOCUMENT_KINDS, EDITABLE_PLAN_FIELDS } from '@shared/domain/project.js';
import type { ProjectDetailResponse, ProjectListItem } from '@shared/api/types.js';
import type { AuditEntry, DocumentKind, Project, ProjectDocument } from '@shared/domain/project.js';
import type { CreateProjectBody, UpdateProjectBody } from '@shared/validation/requests.js';
import { writeJSONToYDoc } from '@shared/editor/yjsContent.js';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import type { DocumentStore, MetadataStore, UserRecord } from '../storage/types.js';
import { defaultDueDate, dueNotBeforeStart } from '@shared/domain/planDates.js';
import { newId } from '../auth/tokens.js';
import { snapshotAccess, usersWithChangedAccess } from '../access/accessChanges.js';
import type { ProjectGrant } from '../access/projectAccess.js';
import { accessFor, creatorLeadsProject, mayCreateProjectFor, mayCreateProjects } from '../access/projectAccess.js';
import { Forbidden, Invalid, NotFound } from '../domain/errors.js';
import type { DomainEventBus } from '../events.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import { DOCUMENT_TITLES, documentTemplate } from '../documents/templates/index.js';
import type { AuditLog } from './AuditLog.js';
import { memberViews, projectListItem } from './views.js';

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
    private readonly events: DomainEventBus,
    private readonly hub: ProjectEventHub,
  ) {}

  /** The projects the user may see, newest first, each with the user's rights. */
  list(user: UserRecord): ProjectListItem[] {
    const items: ProjectListItem[] = [];
    for (const project of this.store.collection('projects').findMany()) {
      const access = accessFor(this.store, user, project);
      if (access.canView) items.push(projectListItem(this.store, project, access));
    }
    return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** A project as the API lists it, with the user's rights. */
  item(user: UserRecord, project: Project): ProjectListItem {
    return projectListItem(this.store, project, accessFor(this.store, user, project));
  }

  detail({ project, access }: ProjectGrant): ProjectDetailResponse {
    return { project: projectListItem(this.store, project, access), members: memberViews(this.store, project.id) };
  }

  /** Checked before the request body is read: who may create projects at all. */
  assertMayCreate(user: UserRecord): void {
    if (!mayCreateProjects(this.store, user)) {
      throw new Forbidden('only a lead drafting unit (an enterprise) or an administrator may create a project');
    }
  }

  async create(body: CreateProjectBody, actor: UserRecord, options: CreateProjectOptions = {}): Promise<Project> {
    const organizations = this.store.collection('organizations');
    const leadOrganizationId = body.leadOrganizationId ?? actor.organizationId;
    const lead = organizations.get(leadOrganizationId);
    if (lead?.kind !== 'enterprise') throw new Invalid('the lead drafting unit must be an enterprise');
    if (!mayCreateProjectFor(actor, leadOrganizationId)) {
      throw new Forbidden('only administrators may create a project for another organization');
    }
    for (const id of body.supervisingBureauIds) {
      if (organizations.get(id)?.kind !== 'market-supervision-bureau')
        throw new Invalid(`not a market supervision bureau: ${id}`);
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
      documents: DOCUMENT_KINDS.map(
        (kind): ProjectDocument => ({ id: newId('doc'), kind, title: DOCUMENT_TITLES[kind] }),
      ),
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
      await this.documents.append(document.id, [
        { update: Y.encodeStateAsUpdate(doc), userId: actor.id, at: Date.now() },
      ]);
      doc.destroy();
    }
    await this.store.collection('projects').insert(project);
    if (creatorLeadsProject(actor, leadOrganizationId)) {
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
        throw new Invalid(`not a market supervision bureau: ${id}`);
      }
    }
    const startDate = body.startDate ?? project.startDate;
    const dueDate = body.dueDate ?? project.dueDate;
    if (!dueNotBeforeStart(startDate, dueDate)) {
      throw new Invalid(`the due date (${dueDate}) cannot be before the start date (${startDate})`, [
        { path: body.dueDate ? 'dueDate' : 'startDate', message: 'the due date cannot be before the start date' },
      ]);
    }
    const before = snapshotAccess(this.store, project);
    const updated = await this.store
      .collection('projects')
      .update(project.id, { ...stripUndefined(body), updatedAt: new Date().toISOString() });
    if (!updated) throw new NotFound('project not found');
    await this.audit.record(project.id, actor.id, 'project.updated', planChanges(this.store, project, updated));
    // Bureaus added or removed change who may see the project: re-authorize their sockets and streams.
    for (const userId of usersWithChangedAccess(before, snapshotAccess(this.store, updated))) {
      this.events.emit('access-changed', { userId, projectId: project.id });
    }
    this.hub.publish(project.id, { type: 'project-changed' });
    return updated;
  }
}

const PLAN_FIELDS = EDITABLE_PLAN_FIELDS;

/** The audit detail of a plan edit: the changed fields, each with its old and new value (`<field>.from`, `<field>.to`). */
function planChanges(store: MetadataStore, before: Project, after: Project): AuditEntry['detail'] {
  const shown = (field: (typeof PLAN_FIELDS)[number], project: Project): string => {
    const value = project[field];
    if (!Array.isArray(value)) return value;
    return value.map((id) => store.collection('organizations').get(id)?.name ?? id).join('、');
  };
  const detail: AuditEntry['detail'] = {};
  const fields: string[] = [];
  for (const field of PLAN_FIELDS) {
    const from = shown(field, before);
    const to = shown(field, after);
    if (from === to) continue;
    fields.push(field);
    detail[`${field}.from`] = from;
    detail[`${field}.to`] = to;
  }
  return { fields: fields.join(','), ...detail };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
