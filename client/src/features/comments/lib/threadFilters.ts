/** The panel's view of threads: display status (open / resolved / orphaned), filters and order. */
import type { ThreadView } from '@shared/api/comments';
import type { ThreadDisplayStatus } from '@shared/domain/comments';

export interface ThreadFilters {
  status: ThreadDisplayStatus | 'all';
  clause: string | null;
  organization: string | null;
  author: string | null;
  /** 提到我的: only threads with a comment mentioning this user. */
  mentioning: string | null;
}

export const NO_FILTERS: ThreadFilters = {
  status: 'all',
  clause: null,
  organization: null,
  author: null,
  mentioning: null,
};

/** True when a (not deleted) comment of the thread mentions the user. */
export function mentions(thread: ThreadView, userId: string): boolean {
  return thread.comments.some((c) => c.mentions.some((m) => m.userId === userId));
}

/** The key a thread's clause filters under ('' = no clause). */
export function clauseKey(thread: ThreadView): string {
  return thread.clauseLabel ?? '';
}

/**
 * Open threads whose text is gone are orphaned (已失效). The editor's live resolution wins over
 * the server's view (it is current to the keystroke); before it is ready, the server's is used.
 */
export function displayStatus(
  thread: ThreadView,
  positions: { resolved: boolean; known: ReadonlySet<string>; orphaned: ReadonlySet<string> },
): ThreadDisplayStatus {
  if (thread.status === 'resolved') return 'resolved';
  const orphaned =
    positions.resolved && positions.known.has(thread.id) ? positions.orphaned.has(thread.id) : thread.orphaned;
  return orphaned ? 'orphaned' : 'open';
}

export function applyFilters(
  threads: ThreadView[],
  filters: ThreadFilters,
  statusOf: (t: ThreadView) => ThreadDisplayStatus,
): ThreadView[] {
  return threads.filter(
    (t) =>
      (filters.status === 'all' || statusOf(t) === filters.status) &&
      (filters.clause === null || clauseKey(t) === filters.clause) &&
      (filters.organization === null || t.organizationId === filters.organization) &&
      (filters.author === null || t.authorId === filters.author) &&
      (filters.mentioning === null || mentions(t, filters.mentioning)),
  );
}

/** In the order of the text; threads whose text is gone last; then oldest first. */
export function inTextOrder(threads: ThreadView[], order: readonly string[]): ThreadView[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const position = (t: ThreadView): number => rank.get(t.id) ?? Number.MAX_SAFE_INTEGER;
  return [...threads].sort((a, b) => position(a) - position(b) || a.createdAt.localeCompare(b.createdAt));
}

export interface Option {
  value: string;
  label: string;
}

/** The distinct values of the threads, for the filter selects. */
export function filterOptions(
  threads: ThreadView[],
  noClauseLabel: string,
): { clauses: Option[]; organizations: Option[]; authors: Option[] } {
  const clauses = new Map<string, string>();
  const organizations = new Map<string, string>();
  const authors = new Map<string, string>();
  for (const t of threads) {
    clauses.set(clauseKey(t), t.clauseLabel ?? noClauseLabel);
    organizations.set(t.organizationId, t.organizationName);
    authors.set(t.authorId, t.authorName);
  }
  const sorted = (map: Map<string, string>): Option[] =>
    [...map.entries()]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN', { numeric: true }));
  return { clauses: sorted(clauses), organizations: sorted(organizations), authors: sorted(authors) };
}
