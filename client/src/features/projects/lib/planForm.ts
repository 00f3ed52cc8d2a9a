/** The plan form's values and their conversion to request bodies. */
import { EDITABLE_PLAN_FIELDS } from '@shared/domain/project';
import type { Project, PublicationCategory, StandardType } from '@shared/domain/project';
import { DEFAULT_PUBLISHING_BODY } from '@shared/validation/requests';
import type { CreateProjectBody, UpdateProjectBody } from '@shared/validation/requests';

export interface PlanFormValues {
  nameZh: string;
  nameEn?: string;
  standardType: StandardType;
  publicationCategory: PublicationCategory;
  planBatch?: string;
  planNumber?: string;
  supervisingBureauIds?: string[];
  startDate: string;
  dueDate?: string;
  publishingBody?: string;
  leadOrganizationId?: string;
}

/** Every field of the plan form (the lead unit only when creating). */
export const PLAN_FIELD_NAMES = [...EDITABLE_PLAN_FIELDS, 'leadOrganizationId'] as const;

const text = (value: string | undefined) => (value ?? '').trim();
const optionalDate = (value: string | undefined) => (value && value.length > 0 ? value : undefined);

/** The plan fields both bodies carry, as the form holds them. */
function planFields(values: PlanFormValues) {
  return {
    nameZh: text(values.nameZh),
    nameEn: text(values.nameEn),
    standardType: values.standardType,
    publicationCategory: values.publicationCategory,
    planBatch: text(values.planBatch),
    planNumber: text(values.planNumber),
    supervisingBureauIds: values.supervisingBureauIds ?? [],
    startDate: values.startDate,
    dueDate: optionalDate(values.dueDate),
  };
}

export function toCreateBody(values: PlanFormValues): CreateProjectBody {
  return {
    ...planFields(values),
    publishingBody: text(values.publishingBody) || DEFAULT_PUBLISHING_BODY,
    leadOrganizationId: values.leadOrganizationId || undefined,
  };
}

export function toUpdateBody(values: PlanFormValues): UpdateProjectBody {
  return {
    ...planFields(values),
    publishingBody: text(values.publishingBody) || undefined,
  };
}

export function fromProject(project: Project): PlanFormValues {
  return {
    nameZh: project.nameZh,
    nameEn: project.nameEn,
    standardType: project.standardType,
    publicationCategory: project.publicationCategory,
    planBatch: project.planBatch,
    planNumber: project.planNumber,
    supervisingBureauIds: project.supervisingBureauIds,
    startDate: project.startDate.slice(0, 10),
    dueDate: project.dueDate.slice(0, 10),
    publishingBody: project.publishingBody,
    leadOrganizationId: project.leadOrganizationId,
  };
}
