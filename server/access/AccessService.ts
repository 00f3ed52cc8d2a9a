/**
 * The grant behind a request: the project, document, thread, comment or round a user asks for, with
 * their rights there (decided by projectAccess.ts and the rules derived from it). What the user may not
 * see is NotFound exactly like what does not exist; what they see but may not manage is Forbidden.
 */
import type { Submission } from '@shared/workflow/submissions.js';
import { Forbidden, NotFound } from '../domain/errors.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';
import type { CommentGrant, DocumentGrant, ThreadGrant } from './commentAccess.js';
import type { RoundGrant } from './consultationAccess.js';
import { roundGrantFor } from './consultationAccess.js';
import type { ProjectGrant } from './projectAccess.js';
import { accessFor, administers, projectOfDocument } from './projectAccess.js';

const MANAGERS_ONLY = 'only the lead drafting unit or an administrator may do this';

export class AccessService {
  constructor(private readonly store: MetadataStore) {}

  /** Administration (organizations, users). */
  requireAdministrator(user: UserRecord): void {
    if (!administers(user)) throw new Forbidden('administrators only');
  }

  viewableProject(user: UserRecord, projectId: string): ProjectGrant {
    const project = this.store.collection('projects').get(projectId);
    const access = project ? accessFor(this.store, user, project) : null;
    if (!project || !access?.canView) throw new NotFound('project not found');
    return { user, project, access };
  }

  managedProject(user: UserRecord, projectId: string): ProjectGrant {
    const grant = this.viewableProject(user, projectId);
    if (!grant.access.canManage) throw new Forbidden(MANAGERS_ONLY);
    return grant;
  }

  viewableDocument(user: UserRecord, documentId: string): DocumentGrant {
    const project = projectOfDocument(this.store, documentId);
    const access = project ? accessFor(this.store, user, project) : null;
    if (!project || !access?.canView) throw new NotFound('document not found');
    return { user, project, access, documentId };
  }

  private threadGrant(user: UserRecord, threadId: string): ThreadGrant | null {
    const thread = this.store.collection('commentThreads').get(threadId);
    const project = thread ? this.store.collection('projects').get(thread.projectId) : undefined;
    const access = project ? accessFor(this.store, user, project) : null;
    if (!thread || !project || !access?.canView || !project.documents.some((d) => d.id === thread.documentId))
      return null;
    return { user, project, access, documentId: thread.documentId, thread };
  }

  viewableThread(user: UserRecord, threadId: string): ThreadGrant {
    const grant = this.threadGrant(user, threadId);
    if (!grant) throw new NotFound('thread not found');
    return grant;
  }

  viewableComment(user: UserRecord, commentId: string): CommentGrant {
    const comment = this.store.collection('comments').get(commentId);
    const grant = comment ? this.threadGrant(user, comment.threadId) : null;
    if (!comment || !grant) throw new NotFound('comment not found');
    return { ...grant, comment };
  }

  viewableRound(user: UserRecord, roundId: string): RoundGrant {
    const round = this.store.collection('consultationRounds').get(roundId);
    const project = round ? this.store.collection('projects').get(round.projectId) : undefined;
    const grant = round && project ? roundGrantFor(this.store, user, project, round) : null;
    if (!grant) throw new NotFound('round not found');
    return grant;
  }

  /** A round of a project the caller can view (the whole table: exports). */
  groupRound(user: UserRecord, roundId: string): RoundGrant {
    const grant = this.viewableRound(user, roundId);
    if (grant.unitOnly) throw new Forbidden('only the drafting group sees the whole table');
    return grant;
  }

  /** A submission of a project the caller can view (NotFound otherwise, like an unknown id). */
  viewableSubmission(user: UserRecord, submissionId: string): ProjectGrant & { submission: Submission } {
    const submission = this.store.collection('submissions').get(submissionId);
    const project = submission ? this.store.collection('projects').get(submission.projectId) : undefined;
    const access = project ? accessFor(this.store, user, project) : null;
    if (!submission || !project || !access?.canView) throw new NotFound('submission not found');
    return { user, project, access, submission };
  }

  managedRound(user: UserRecord, roundId: string): RoundGrant {
    const grant = this.viewableRound(user, roundId);
    if (!grant.access.canManage) throw new Forbidden(MANAGERS_ONLY);
    return grant;
  }
}
