/** What the API shows of threads and comments: names and organizations, labels, and the caller's rights. */
import type { CommentView, ThreadView } from '@shared/api/comments.js';
import type { Comment, CommentThread } from '@shared/domain/comments.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';
import type { Caller } from '../access/commentAccess.js';
import { canChange, canSettle, mayComment } from '../access/commentAccess.js';
import type { AnchorState, DocumentIndex } from './documentIndex.js';

function names(store: MetadataStore) {
  const users = new Map<string, UserRecord | undefined>();
  const organizations = new Map<string, string>();
  const user = (id: string): UserRecord | undefined => {
    if (!users.has(id)) users.set(id, store.collection('users').get(id));
    return users.get(id);
  };
  const organization = (id: string): string => {
    let name = organizations.get(id);
    if (name === undefined) {
      name = store.collection('organizations').get(id)?.name ?? '';
      organizations.set(id, name);
    }
    return name;
  };
  return { user, organization };
}

/** Comments of a thread, oldest first. */
export function threadComments(store: MetadataStore, threadId: string): Comment[] {
  return store
    .collection('comments')
    .findMany({ threadId })
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function threadViews(
  store: MetadataStore,
  caller: Caller,
  threads: CommentThread[],
  index: DocumentIndex,
): ThreadView[] {
  const lookup = names(store);
  const commentView = (comment: Comment): CommentView => {
    const author = lookup.user(comment.authorId);
    const deleted = Boolean(comment.deletedAt);
    return {
      id: comment.id,
      threadId: comment.threadId,
      authorId: comment.authorId,
      authorName: author?.name ?? '',
      organizationName: author ? lookup.organization(author.organizationId) : '',
      body: deleted ? '' : comment.body,
      mentions: deleted ? [] : comment.mentions.map((userId) => ({ userId, name: lookup.user(userId)?.name ?? '' })),
      createdAt: comment.createdAt,
      editedAt: comment.editedAt,
      deleted,
      can: { edit: canChange(caller, comment), remove: canChange(caller, comment) },
    };
  };
  return threads.map((thread): ThreadView => {
    const state: AnchorState = index.states.get(thread.id) ?? {
      orphaned: true,
      clauseId: thread.clauseId,
      currentText: null,
    };
    const settle = canSettle(caller, thread);
    return {
      id: thread.id,
      documentId: thread.documentId,
      anchorStart: thread.anchorStart,
      anchorEnd: thread.anchorEnd,
      quote: thread.quote,
      clauseId: state.clauseId,
      clauseLabel: index.labelOf(state.clauseId),
      status: thread.status,
      orphaned: state.orphaned,
      authorId: thread.authorId,
      authorName: lookup.user(thread.authorId)?.name ?? '',
      organizationId: thread.organizationId,
      organizationName: lookup.organization(thread.organizationId),
      createdAt: thread.createdAt,
      resolvedBy: thread.resolvedBy,
      resolvedByName: thread.resolvedBy ? (lookup.user(thread.resolvedBy)?.name ?? '') : null,
      resolvedAt: thread.resolvedAt,
      comments: threadComments(store, thread.id).map(commentView),
      can: {
        reply: mayComment(caller),
        resolve: settle && thread.status === 'open',
        reopen: settle && thread.status === 'resolved',
      },
    };
  });
}
