/** Request bodies of the REST API, validated at the boundary on the server and reused by client forms. */
import { z } from 'zod';
import { BUREAU_LEVELS, ORGANIZATION_KINDS } from '../domain/organization.js';
import { PUBLICATION_CATEGORIES, STANDARD_TYPES } from '../domain/project.js';
import { MEMBER_RELATIONS, PROJECT_ROLES } from '../domain/roles.js';
import { isValidCreditCode } from '../domain/creditCode.js';
import { dueNotBeforeStart, isCalendarDate } from '../domain/planDates.js';
import { email, personName as name, phone } from './fields.js';

/** The publisher of the province's recent development plans; each project can set its own. */
export const DEFAULT_PUBLISHING_BODY = '浙江省质量协会';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'not a real calendar date');
const DUE_BEFORE_START = { message: 'the due date cannot be before the start date', path: ['dueDate'] };
const PASSWORD_MIN = 10;
const password = z.string().min(PASSWORD_MIN, `password must have at least ${PASSWORD_MIN} characters`).max(200);

export const loginBody = z.object({ email, password: z.string().min(1).max(200) }).strict();
export type LoginBody = z.infer<typeof loginBody>;

export const organizationBody = z
  .object({
    name: z.string().trim().min(2).max(200),
    creditCode: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isValidCreditCode, 'invalid unified social credit code (统一社会信用代码)'),
    kind: z.enum(ORGANIZATION_KINDS),
    bureauLevel: z.enum(BUREAU_LEVELS).optional(),
  })
  .strict()
  .refine((o) => (o.kind === 'market-supervision-bureau') === (o.bureauLevel !== undefined), {
    message: 'bureauLevel is required for market supervision bureaus and only for them',
    path: ['bureauLevel'],
  });
export type OrganizationBody = z.infer<typeof organizationBody>;

export const createUserBody = z
  .object({
    name,
    email,
    phone: phone.default(''),
    organizationId: z.string().min(1),
    password,
    isAdmin: z.boolean().default(false),
  })
  .strict();
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .object({
    name: name.optional(),
    phone: phone.optional(),
    organizationId: z.string().min(1).optional(),
    active: z.boolean().optional(),
    isAdmin: z.boolean().optional(),
    password: password.optional(),
  })
  .strict();
export type UpdateUserBody = z.infer<typeof updateUserBody>;

/** The plan fields' own checks; create adds defaults, update makes each optional. */
const nameZh = z.string().trim().min(2).max(200);
const nameEn = z.string().trim().max(300);
const planCode = z.string().trim().max(100);
const supervisingBureauIds = z.array(z.string().min(1)).max(10);
const publishingBody = z.string().trim().min(2).max(200);

const planFields = {
  nameZh,
  nameEn: nameEn.default(''),
  standardType: z.enum(STANDARD_TYPES),
  publicationCategory: z.enum(PUBLICATION_CATEGORIES),
  planBatch: planCode.default(''),
  planNumber: planCode.default(''),
  supervisingBureauIds: supervisingBureauIds.default([]),
  startDate: isoDate,
  /** Defaults to six months after the start date. */
  dueDate: isoDate.optional(),
  publishingBody: publishingBody.default(DEFAULT_PUBLISHING_BODY),
};

export const createProjectBody = z
  .object({ ...planFields, leadOrganizationId: z.string().min(1).optional() })
  .strict()
  .refine((b) => b.dueDate === undefined || dueNotBeforeStart(b.startDate, b.dueDate), DUE_BEFORE_START);
export type CreateProjectBody = z.infer<typeof createProjectBody>;

export const updateProjectBody = z
  .object({
    nameZh: nameZh.optional(),
    nameEn: nameEn.optional(),
    standardType: planFields.standardType.optional(),
    publicationCategory: planFields.publicationCategory.optional(),
    planBatch: planCode.optional(),
    planNumber: planCode.optional(),
    supervisingBureauIds: supervisingBureauIds.optional(),
    startDate: isoDate.optional(),
    dueDate: isoDate.optional(),
    publishingBody: publishingBody.optional(),
    /** Refused: the stage changes only through the workflow (rounds, submissions, the bureaus' decisions). */
    stage: z.never({ error: 'the stage changes only through the workflow, not by editing the plan' }).optional(),
  })
  .strict()
  .refine(
    (b) => b.startDate === undefined || b.dueDate === undefined || dueNotBeforeStart(b.startDate, b.dueDate),
    DUE_BEFORE_START,
  );
export type UpdateProjectBody = z.infer<typeof updateProjectBody>;

export const inviteBody = z
  .object({
    email,
    role: z.enum(PROJECT_ROLES),
    relation: z.enum(MEMBER_RELATIONS),
    /** Required when the email does not belong to an existing user. */
    organizationId: z.string().min(1).optional(),
  })
  .strict();
export type InviteBody = z.infer<typeof inviteBody>;

export const acceptInvitationBody = z.object({ name, phone: phone.default(''), password }).strict();
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBody>;

export const updateMemberBody = z
  .object({ role: z.enum(PROJECT_ROLES).optional(), relation: z.enum(MEMBER_RELATIONS).optional() })
  .strict()
  .refine((b) => b.role !== undefined || b.relation !== undefined, 'nothing to change');
export type UpdateMemberBody = z.infer<typeof updateMemberBody>;
