/**
 * Comments on the text: threads anchored by Yjs relative positions stored here, beside the
 * thread — never in the document — so a reviewer who cannot edit can comment: the server stores
 * the anchor after checking the right to comment. Every change is announced live to the
 * project's pages (`comments-changed`) and to the statistics (domain event).
 */
import type { ThreadListResponse, ThreadView } from '@shared/api/comments.js';
import type { CommentThread } from '@shared/domain/comments.js';
import type { CreateThreadBody, EditCommentBody, ReplyBody } from '@shared/validation/comments.js';
import { newId } from '../auth/tokens.js';
import type { CollabServer } from '../collab/CollabServer.js';
import type { DomainEventBus } from '../events.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { AuditLog } from '../services/AuditLog.js';
import { Forbidden, Invalid, NotFound } from '../domain/errors.js';
import type { MetadataStore } from '../storage/types.js';
import type { CommentGrant, DocumentGrant, ThreadGrant } from '../access/commentAccess.js';
import { indexDocument } from './documentIndex.js';
import type { FreshAnchor } from './documentIndex.js';
import { canChange, canSettle, mayComment } from '../access/commentAccess.js';
import { threadComments, threadViews } from './views.js';

const AUTHOR_ONLY = {
  change: 'only the author may change a comment',
  delete: 'only the author may delete a comment',
} as const;

export class CommentService {
  constructor(
    private readonly store: MetadataStore,
    private readonly collab: () => CollabServer,
    private readonly audit: AuditLog,
    private readonly events: DomainEventBus,
    private readonly hub: ProjectEventHub,
  ) {}

  private changed(grant: DocumentGrant, threadId: string | null): void {
    this.hub.publish(grant.project.id, { type: 'comments-changed', documentId: grant.documentId, threadId });
    this.events.emit('comments-changed', { projectId: grant.project.id, documentId: grant.documentId, threadId });
  }

  /** The threads of a document, oldest first, with where their anchors are in the current text. */
  async list(grant: DocumentGrant): Promise<ThreadListResponse> {
    const threads = this.store
      .collection('commentThreads')
      .findMany({ documentId: grant.documentId })
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return {
      documentId: grant.documentId,
      threads: await this.views(grant, threads),
      canComment: mayComment(grant),
    };
  }

  async view(grant: DocumentGrant, threadId: string): Promise<ThreadView> {
    const thread = this.store.collection('commentThreads').get(threadId);
    if (!thread) throw new NotFound('thread not found');
    const [view] = await this.views(grant, [thread]);
    if (!view) throw new NotFound('thread not found');
    return view;
  }

  private async views(grant: DocumentGrant, threads: CommentThread[]): Promise<ThreadView[]> {
    // Nothing to place: no need to read (or load) the document.
    if (threads.length === 0) return [];
    const index = await this.collab().readDocument(grant.documentId, (doc) => indexDocument(doc, threads));
    if (index.reanchored.size > 0) await this.storeAnchors(grant.documentId, index.reanchored);
    const current = threads.map((t) => ({ ...t, ...index.reanchored.get(t.id) }));
    return threadViews(this.store, grant, current, index);
  }

  /**
   * Stores the fresh anchors of threads whose text was found again after an edit recreated it
   * (no change to the document), and tells the project's pages to refetch the threads.
   */
  async storeAnchors(documentId: string, anchors: ReadonlyMap<string, FreshAnchor>): Promise<void> {
    let projectId: string | null = null;
    for (const [threadId, anchor] of anchors) {
      const updated = await this.store.collection('commentThreads').update(threadId, anchor);
      projectId = updated?.projectId ?? projectId;
    }
    if (projectId === null) return;
    this.hub.publish(projectId, { type: 'comments-changed', documentId, threadId: null });
  }

  /** Commenters only; the routes ask before reading the body, so an observer learns nothing from it either. */
  assertMayComment(grant: DocumentGrant): void {
    if (!mayComment(grant)) throw new Forbidden('only the lead, drafters and reviewers may comment');
  }

  /** The author only, while they may comment (asked before the body is read, like assertMayComment). */
  assertMayChange(grant: CommentGrant, verb: 'change' | 'delete'): void {
    if (!canChange(grant, grant.comment)) throw new Forbidden(AUTHOR_ONLY[verb]);
  }

  /** Mentions must name members of the drafting group; duplicates are dropped. */
  private checkMentions(grant: DocumentGrant, mentions: string[]): string[] {
    const unique = [...new Set(mentions)];
    const members = this.store.collection('members');
    const issues = unique
      .map((userId, index) => ({ userId, index }))
      .filter(({ userId }) => !members.findOne({ projectId: grant.project.id, userId }))
      .map(({ index }) => ({ path: `mentions.${index}`, message: 'not a member of the project' }));
    if (issues.length > 0) throw new Invalid('only members of the drafting group can be mentioned', issues);
    return unique;
  }

  private organizationOf(grant: DocumentGrant): string {
    return (
      this.store.collection('members').findOne({ projectId: grant.project.id, userId: grant.user.id })
        ?.organizationId ?? grant.user.organizationId
    );
  }

  async create(grant: DocumentGrant, body: CreateThreadBody): Promise<ThreadView> {
    this.assertMayComment(grant);
    const mentions = this.checkMentions(grant, body.mentions);
    const now = new Date().toISOString();
    const draft: CommentThread = {
      id: newId('thr'),
      projectId: grant.project.id,
      documentId: grant.documentId,
      anchorStart: body.anchorStart,
      anchorEnd: body.anchorEnd,
      quote: body.quote,
      clauseId: body.clauseId,
      status: 'open',
      authorId: grant.user.id,
      organizationId: this.organizationOf(grant),
      createdAt: now,
      resolvedBy: null,
      resolvedAt: null,
    };
    // Where the anchor resolves in the server's text, the quote and the clause are taken from it,
    // not from the client (an edit still on its way from the client leaves the client's values).
    const index = await this.collab().readDocument(grant.documentId, (doc) => indexDocument(doc, [draft]));
    const state = index.states.get(draft.id);
    const placed: CommentThread = { ...draft, ...index.reanchored.get(draft.id) };
    const thread: CommentThread =
      state && !state.orphaned && state.currentText
        ? { ...placed, quote: state.currentText, clauseId: state.clauseId }
        : placed;
    await this.store.collection('commentThreads').insert(thread);
    await this.store.collection('comments').insert({
      id: newId('cmt'),
      threadId: thread.id,
      authorId: grant.user.id,
      body: body.body,
      mentions,
      createdAt: now,
      editedAt: null,
      deletedAt: null,
    });
    await this.audit.record(grant.project.id, grant.user.id, 'comment.thread-created', {
      documentId: grant.documentId,
      threadId: thread.id,
    });
    this.changed(grant, thread.id);
    return this.view(grant, thread.id);
  }

  async reply(grant: ThreadGrant, body: ReplyBody): Promise<ThreadView> {
    this.assertMayComment(grant);
    const mentions = this.checkMentions(grant, body.mentions);
    await this.store.collection('comments').insert({
      id: newId('cmt'),
      threadId: grant.thread.id,
      authorId: grant.user.id,
      body: body.body,
      mentions,
      createdAt: new Date().toISOString(),
      editedAt: null,
      deletedAt: null,
    });
    this.changed(grant, grant.thread.id);
    return this.view(grant, grant.thread.id);
  }

  async edit(grant: CommentGrant, body: EditCommentBody): Promise<ThreadView> {
    this.assertMayChange(grant, 'change');
    const mentions = body.mentions === undefined ? grant.comment.mentions : this.checkMentions(grant, body.mentions);
    await this.store
      .collection('comments')
      .update(grant.comment.id, { body: body.body, mentions, editedAt: new Date().toISOString() });
    this.changed(grant, grant.thread.id);
    return this.view(grant, grant.thread.id);
  }

  /**
   * Deletes the author's own comment. The first comment of a thread takes the thread with it when
   * nobody replied; otherwise it stays as "已删除" so the replies keep their context. A thread
   * whose first comment was deleted goes once its last reply is deleted.
   */
  async remove(grant: CommentGrant): Promise<void> {
    this.assertMayChange(grant, 'delete');
    const comments = threadComments(this.store, grant.thread.id);
    const isFirst = comments[0]?.id === grant.comment.id;
    // Replies are removed outright, so "nothing else left" means: no other comment, or only a deleted first one.
    const threadGoes = comments.filter((c) => c.id !== grant.comment.id).every((c) => Boolean(c.deletedAt));
    if (threadGoes) {
      await this.store.collection('comments').removeWhere({ threadId: grant.thread.id });
      await this.store.collection('commentThreads').remove(grant.thread.id);
      await this.audit.record(grant.project.id, grant.user.id, 'comment.thread-deleted', {
        documentId: grant.documentId,
        threadId: grant.thread.id,
      });
    } else if (isFirst) {
      await this.store
        .collection('comments')
        .update(grant.comment.id, { body: '', mentions: [], deletedAt: new Date().toISOString() });
    } else {
      await this.store.collection('comments').remove(grant.comment.id);
    }
    this.changed(grant, grant.thread.id);
  }

  /** Resolves (or reopens) a thread: the project lead and the thread's author only. Idempotent. */
  async settle(grant: ThreadGrant, status: CommentThread['status']): Promise<ThreadView> {
    if (!canSettle(grant, grant.thread))
      throw new Forbidden('only the project lead and the author of the thread may resolve or reopen it');
    if (grant.thread.status !== status) {
      const resolved = status === 'resolved';
      await this.store.collection('commentThreads').update(grant.thread.id, {
        status,
        resolvedBy: resolved ? grant.user.id : null,
        resolvedAt: resolved ? new Date().toISOString() : null,
      });
      await this.audit.record(
        grant.project.id,
        grant.user.id,
        resolved ? 'comment.thread-resolved' : 'comment.thread-reopened',
        {
          documentId: grant.documentId,
          threadId: grant.thread.id,
        },
      );
      this.changed(grant, grant.thread.id);
    }
    return this.view(grant, grant.thread.id);
  }
}
