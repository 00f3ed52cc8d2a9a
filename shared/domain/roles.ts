/** Project roles of a drafting-group member and what each may do. */
export const PROJECT_ROLES = ['lead', 'drafter', 'reviewer', 'observer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export interface RoleCapabilities {
  /** May change the text of the project's documents. */
  edit: boolean;
  /** May comment on the text. */
  comment: boolean;
  /** May see the full change history. */
  viewHistory: boolean;
  /** May manage the drafting group and the project's plan fields. */
  manage: boolean;
}

export const ROLE_CAPABILITIES: Record<ProjectRole, RoleCapabilities> = {
  lead: { edit: true, comment: true, viewHistory: true, manage: true },
  drafter: { edit: true, comment: true, viewHistory: true, manage: false },
  reviewer: { edit: false, comment: true, viewHistory: true, manage: false },
  observer: { edit: false, comment: false, viewHistory: false, manage: false },
};

export function canEdit(role: ProjectRole | null | undefined): boolean {
  return role ? ROLE_CAPABILITIES[role].edit : false;
}

export function canManage(role: ProjectRole | null | undefined): boolean {
  return role ? ROLE_CAPABILITIES[role].manage : false;
}

/** How the member's organization relates to the project (起草组中的身份). */
export const MEMBER_RELATIONS = [
  'lead-unit',
  'peer-company',
  'upstream-company',
  'downstream-company',
  'technical-committee',
  'testing-body',
  'certification-body',
  'supervising-bureau',
  'review-expert',
] as const;
export type MemberRelation = (typeof MEMBER_RELATIONS)[number];
