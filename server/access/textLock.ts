/**
 * Stage-dependent read-only texts: while a submission waits for the bureaus, once the submitted draft
 * is accepted and under review, and after publication, nobody edits the project's texts (comments
 * stay open). Decided from the stage table (shared/workflow/stages.ts) and the stored submissions.
 */
import type { Project } from '@shared/domain/project.js';
import type { TextLockReason } from '@shared/workflow/stages.js';
import { textLockReason } from '@shared/workflow/stages.js';
import type { MetadataStore } from '../storage/types.js';

/** Whether a submission of the project waits for a bureau's check. */
export function submissionWaiting(store: MetadataStore, projectId: string): boolean {
  const submissions = store.collection('submissions');
  return (
    submissions.findOne({ projectId, status: 'local-check' }) !== undefined ||
    submissions.findOne({ projectId, status: 'province-check' }) !== undefined
  );
}

/** Why the project's texts are read-only for everyone now, or null when the group may edit them. */
export function textLockOf(store: MetadataStore, project: Pick<Project, 'id' | 'stage'>): TextLockReason | null {
  return textLockReason(project.stage, submissionWaiting(store, project.id));
}
