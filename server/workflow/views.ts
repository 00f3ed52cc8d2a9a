/** Workflow records as the API shows them: with the names of who acted and what the caller may do. */
import type { ProductionCheckView, SubmissionView } from '@shared/api/workflow.js';
import type { Project } from '@shared/domain/project.js';
import type { ProductionCheck } from '@shared/workflow/productionChecks.js';
import type { Submission } from '@shared/workflow/submissions.js';
import { levelOf } from '@shared/workflow/submissions.js';
import { decidingBureau } from '../access/workflowAccess.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';

function names(store: MetadataStore) {
  const users = store.collection('users');
  const organizations = store.collection('organizations');
  return {
    user: (id: string): string => users.get(id)?.name ?? '',
    organization: (id: string): string => organizations.get(id)?.name ?? '',
  };
}

export function submissionView(
  store: MetadataStore,
  submission: Submission,
  project: Project,
  caller: UserRecord,
): SubmissionView {
  const name = names(store);
  const level = levelOf(submission.status);
  return {
    ...submission,
    projectName: project.nameZh,
    submittedByName: name.user(submission.submittedBy),
    decisions: submission.decisions.map((d) => ({
      ...d,
      decidedByName: name.user(d.decidedBy),
      bureauName: name.organization(d.bureauId),
    })),
    waitingFor: level,
    mayDecide: level !== null && decidingBureau(store, caller, project, level) !== null,
  };
}

export function productionCheckView(store: MetadataStore, check: ProductionCheck): ProductionCheckView {
  const name = names(store);
  return { ...check, bureauName: name.organization(check.bureauId), recordedByName: name.user(check.recordedBy) };
}
