/**
 * Demo projects: the main project (轻量化不锈钢真空保温杯, complete realistic drafts) with every demo
 * account except the admin and the outsider in the drafting group, and a smaller second project
 * (不锈钢真空焖烧罐, fresh from the templates) where only some of them are members.
 */
import type { DocumentKind, ProjectPlan, ProjectStage } from '@shared/domain/project.js';
import type { MemberRelation, ProjectRole } from '@shared/domain/roles.js';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { documentTemplate } from '../../documents/templates/index.js';
import type { TemplateInput } from '../../documents/templates/types.js';
import { vacuumCupApplicationReport } from './applicationReportContent.js';
import type { DemoContentContext } from './context.js';
import { vacuumCupExplanation } from './explanationContent.js';
import { demoOrganization, type DemoOrganizationKey } from './organizations.js';
import { vacuumCupStandard } from './standardContent.js';
import { VACUUM_CUP_DRAFTERS, VACUUM_CUP_UNITS } from './vacuumCupGroup.js';

/** A drafting-group member, referencing the user by email; the organization is the user's own. */
export interface DemoProjectMember {
  email: string;
  relation: MemberRelation;
  role: ProjectRole;
}

/**
 * A project before the seeder assigns ids, resolves organization keys and creates documents. The
 * plan fields (including `publishingBody`) are those of `ProjectPlan`.
 */
export type DemoProject = Omit<ProjectPlan, 'leadOrganizationId' | 'supervisingBureauIds'> & {
  key: string;
  leadOrganizationKey: DemoOrganizationKey;
  /** The local (county) bureau first, then the provincial bureau. */
  supervisingBureauKeys: DemoOrganizationKey[];
  stage: ProjectStage;
  /** What the documents were generated from (the same input the templates take). */
  templateInput: TemplateInput;
  members: DemoProjectMember[];
  /** The initial content of each document. */
  content: Record<DocumentKind, ProseMirrorJSON>;
};

// The publishing body of recent plans (a project setting; it has changed over the years).
const PUBLISHING_BODY = '浙江省质量协会';
const orgName = (key: DemoOrganizationKey): string => demoOrganization(key).name;

// --- Main project ------------------------------------------------------------------------------

const vacuumCupPlan = {
  nameZh: '轻量化不锈钢真空保温杯',
  nameEn: 'Lightweight stainless steel vacuum insulated cup',
  standardType: 'product',
  publicationCategory: 'T',
  planBatch: '2026年第一批',
  planNumber: '2026-T-037',
  startDate: '2026-01-15',
  dueDate: '2026-07-15',
  publishingBody: PUBLISHING_BODY,
} as const satisfies Omit<ProjectPlan, 'leadOrganizationId' | 'supervisingBureauIds'>;

const vacuumCupInput: TemplateInput = {
  nameZh: vacuumCupPlan.nameZh,
  nameEn: vacuumCupPlan.nameEn,
  leadOrganizationName: orgName('lead-manufacturer'),
  participatingOrganizationNames: VACUUM_CUP_UNITS.filter((u) => u.organizationKey !== 'lead-manufacturer').map((u) =>
    orgName(u.organizationKey),
  ),
  drafterNames: VACUUM_CUP_DRAFTERS.map((d) => d.name),
  year: 2026,
  publishingBody: vacuumCupPlan.publishingBody,
};

const vacuumCupContext: DemoContentContext = { input: vacuumCupInput, plan: vacuumCupPlan };

const vacuumCupProject: DemoProject = {
  key: 'vacuum-cup',
  ...vacuumCupPlan,
  leadOrganizationKey: 'lead-manufacturer',
  supervisingBureauKeys: ['county-bureau', 'provincial-bureau'],
  stage: 'drafting',
  templateInput: vacuumCupInput,
  members: [
    { email: 'lead@example.com', relation: 'lead-unit', role: 'lead' },
    { email: 'drafter@example.com', relation: 'peer-company', role: 'drafter' },
    { email: 'testing@example.com', relation: 'testing-body', role: 'drafter' },
    { email: 'bureau@example.com', relation: 'supervising-bureau', role: 'reviewer' },
    { email: 'expert@example.com', relation: 'review-expert', role: 'reviewer' },
  ],
  content: {
    standard: vacuumCupStandard(vacuumCupInput),
    explanation: vacuumCupExplanation(vacuumCupContext),
    'application-report': vacuumCupApplicationReport(vacuumCupContext),
  },
};

// --- Second project: just started, documents fresh from the templates --------------------------

const foodJarPlan = {
  nameZh: '不锈钢真空焖烧罐',
  nameEn: 'Stainless steel vacuum food jar',
  standardType: 'product',
  publicationCategory: 'T',
  planBatch: '2026年第一批',
  planNumber: '2026-T-052',
  startDate: '2026-02-02',
  dueDate: '2026-08-02',
  publishingBody: PUBLISHING_BODY,
} as const satisfies Omit<ProjectPlan, 'leadOrganizationId' | 'supervisingBureauIds'>;

const foodJarInput: TemplateInput = {
  nameZh: foodJarPlan.nameZh,
  nameEn: foodJarPlan.nameEn,
  leadOrganizationName: orgName('lead-manufacturer'),
  participatingOrganizationNames: [orgName('testing-institute'), orgName('steel-supplier')],
  drafterNames: ['陈建华', '楼海峰', '李振宇'],
  year: 2026,
  publishingBody: foodJarPlan.publishingBody,
};

const foodJarProject: DemoProject = {
  key: 'food-jar',
  ...foodJarPlan,
  leadOrganizationKey: 'lead-manufacturer',
  supervisingBureauKeys: ['county-bureau', 'provincial-bureau'],
  stage: 'drafting',
  templateInput: foodJarInput,
  members: [
    { email: 'lead@example.com', relation: 'lead-unit', role: 'lead' },
    { email: 'testing@example.com', relation: 'testing-body', role: 'drafter' },
    { email: 'bureau@example.com', relation: 'supervising-bureau', role: 'reviewer' },
  ],
  content: {
    standard: documentTemplate('standard', foodJarInput),
    explanation: documentTemplate('explanation', foodJarInput),
    'application-report': documentTemplate('application-report', foodJarInput),
  },
};

export const demoProjects: DemoProject[] = [vacuumCupProject, foodJarProject];
