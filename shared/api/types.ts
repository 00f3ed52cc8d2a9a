/** Response shapes of the REST API (the client's view of the server). */
import type { Organization } from '../domain/organization.js';
import type { AuditEntry, DocumentKind, ProjectDocument, ProjectSummary } from '../domain/project.js';
import type { MemberRelation, ProjectRole } from '../domain/roles.js';
import type { PublicUser } from '../domain/user.js';
import type { DraftingCredits } from '../domain/draftingCredits.js';
import type { ProseMirrorJSON } from '../editor/yjsContent.js';
import type { Numbering } from '../editor/structure/numberingTypes.js';
import type { Finding } from '../checker/types.js';
import type { TextLockReason } from '../workflow/stages.js';
import type { GateItemResult } from '../workflow/gates.js';

export interface ApiError {
  error: string;
  /** Field-level problems of a rejected request body. */
  issues?: { path: string; message: string }[];
  /** The gate items that fail (a submission refused with 409). */
  failing?: GateItemResult[];
}

export interface HealthResponse {
  status: 'ok';
  version: string;
  uptimeSeconds: number;
  loadedDocuments: number;
  connections: number;
}

export interface LoginResponse {
  token: string;
  user: PublicUser;
}

export interface MeResponse {
  user: PublicUser;
}

/** What the caller may do in a project (derived from role, bureau supervision and admin rights). */
export interface ProjectAccess {
  role: ProjectRole | null;
  canView: boolean;
  canEdit: boolean;
  canComment: boolean;
  canManage: boolean;
  /**
   * Why the caller may not edit, when they may not (shown in the UI): their role, or — for the lead
   * and drafters — the workflow (a submission waits for the bureaus, the draft was accepted, published).
   */
  readOnlyReason: 'reviewer' | 'observer' | 'not-member' | TextLockReason | null;
}

export interface ProjectListItem extends ProjectSummary {
  access: ProjectAccess;
  leadOrganizationName: string;
}

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  organizationId: string;
  organizationName: string;
  relation: MemberRelation;
  role: ProjectRole;
  addedAt: string;
}

export interface InvitationView {
  id: string;
  email: string;
  organizationId: string;
  organizationName: string;
  relation: MemberRelation;
  role: ProjectRole;
  createdAt: string;
  expiresAt: string;
}

export interface ProjectDetailResponse {
  project: ProjectListItem;
  members: MemberView[];
}

/** POST /api/projects/:id/invitations — an existing user is added at once; otherwise an invitation link is made. */
export type InviteResponse =
  | { kind: 'added'; member: MemberView }
  | { kind: 'invited'; invitation: InvitationView; link: string };

/** GET /api/invitations/:token (no sign-in needed). */
export interface InvitationInfo {
  email: string;
  projectName: string;
  organizationName: string;
  role: ProjectRole;
}

export interface DocumentResponse {
  document: ProjectDocument;
  project: ProjectListItem;
}

/** GET /api/documents/:id/content — the current text as ProseMirror JSON with its computed numbering. */
export interface DocumentContentResponse {
  documentId: string;
  content: ProseMirrorJSON;
  numbering: Numbering;
  /** The foreword's generated lines, from the drafting group. */
  draftingCredits: DraftingCredits;
}

/** GET /api/documents/:id/check — the drafting checker's findings on the current text. */
export interface DocumentCheckResponse {
  documentId: string;
  kind: DocumentKind;
  findings: Finding[];
  counts: { errors: number; warnings: number };
  checkedAt: string;
}

/** GET /api/organizations for signed-in users who are not administrators: what inviting and picking bureaus needs. */
export type OrganizationSummary = Pick<Organization, 'id' | 'name' | 'kind' | 'bureauLevel'>;
/** An organization as the API shows it: administrators also get the credit code and creation time. */
export type OrganizationView = OrganizationSummary & Partial<Pick<Organization, 'creditCode' | 'createdAt'>>;
/** An audit entry with names resolved: the actor, and for member entries the member concerned (`detail.userId`). */
export type AuditView = AuditEntry & { actorName: string; subjectName: string | null };
