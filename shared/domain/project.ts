import type { MemberRelation, ProjectRole } from './roles.js';

export const STANDARD_TYPES = ['product', 'process', 'method', 'basic', 'productive-service'] as const;
export type StandardType = (typeof STANDARD_TYPES)[number];

/** T group standard, Q enterprise standard, D local standard. */
export const PUBLICATION_CATEGORIES = ['T', 'Q', 'D'] as const;
export type PublicationCategory = (typeof PUBLICATION_CATEGORIES)[number];

/** Workflow stages; changed only by the workflow's actions (shared/workflow/stages.ts), never by a plan edit. */
export const PROJECT_STAGES = [
  'approval',
  'drafting',
  'consultation',
  'review-submission',
  'technical-review',
  'approval-submission',
  'published',
  'periodic-review',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const DOCUMENT_KINDS = ['standard', 'explanation', 'application-report'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface ProjectDocument {
  id: string;
  kind: DocumentKind;
  title: string;
}

/** 研制项目 with the fields of the province's development plan. */
export interface ProjectPlan {
  nameZh: string;
  nameEn: string;
  standardType: StandardType;
  publicationCategory: PublicationCategory;
  planBatch: string;
  planNumber: string;
  leadOrganizationId: string;
  /** Local (city/county) and provincial supervising bureaus. */
  supervisingBureauIds: string[];
  startDate: string;
  dueDate: string;
  /** The publishing body printed on the cover (it has changed over the years: a setting, never hard-coded). */
  publishingBody: string;
}

/** The plan fields a lead or administrator can change after creation (the lead unit is fixed). */
export const EDITABLE_PLAN_FIELDS = [
  'nameZh',
  'nameEn',
  'standardType',
  'publicationCategory',
  'planBatch',
  'planNumber',
  'supervisingBureauIds',
  'startDate',
  'dueDate',
  'publishingBody',
] as const satisfies readonly (keyof ProjectPlan)[];

export interface Project extends ProjectPlan {
  id: string;
  stage: ProjectStage;
  documents: ProjectDocument[];
  createdAt: string;
  updatedAt: string;
}

export interface ProjectMember {
  userId: string;
  projectId: string;
  organizationId: string;
  relation: MemberRelation;
  role: ProjectRole;
  addedAt: string;
}

/** A project as the caller sees it, with the caller's own role (null for admins/bureaus outside the group). */
export interface ProjectSummary extends Project {
  myRole: ProjectRole | null;
}

export interface AuditEntry {
  id: string;
  projectId: string;
  actorId: string;
  action: string;
  detail: Record<string, string | number | boolean | null>;
  at: string;
}
