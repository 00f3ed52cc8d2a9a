/** Live events of a project, pushed to browsers over Server-Sent Events (GET /api/projects/:id/events). */
export type ProjectEvent =
  /** Sent first on every (re)connection of a stream. */
  | { type: 'ready' }
  | { type: 'members-changed' }
  | { type: 'project-changed' }
  | { type: 'comments-changed'; documentId: string; threadId: string | null }
  /** The stored comment statistics of a document changed (GET /api/projects/:id/comment-stats). */
  | { type: 'comment-stats-changed'; documentId: string }
  | { type: 'consultation-changed'; roundId: string }
  /** A version of the document was made (named, or by a freeze). */
  | { type: 'versions-changed'; documentId: string }
  /** New changes are in the document's history (GET /api/documents/:id/history). */
  | { type: 'history-changed'; documentId: string }
  /** The workflow changed: a stage move, a submission or a bureau's decision, a production check. */
  | { type: 'workflow-changed' }
  /** What the gates read may have changed (a document was edited or checked): refetch the checklist. */
  | { type: 'gates-changed' };

/**
 * Every type of `ProjectEvent`, each once: the SSE event names a browser listens to. Adding a type to
 * the union and not here (or the reverse) does not compile (see `ProjectEventType`).
 */
export const PROJECT_EVENT_TYPES = [
  'ready',
  'members-changed',
  'project-changed',
  'comments-changed',
  'comment-stats-changed',
  'consultation-changed',
  'versions-changed',
  'history-changed',
  'workflow-changed',
  'gates-changed',
] as const;

/**
 * The types listed in `List`, provided they are exactly those of `Union`: a type missing from the
 * list is named in the compiler's error (`missing`), a type the union lacks fails the first bound.
 */
type ListedTypes<
  Union extends string,
  List extends readonly Union[] &
    ([Union] extends [List[number]] ? unknown : { missing: Exclude<Union, List[number]> }),
> = List[number];

export type ProjectEventType = ListedTypes<ProjectEvent['type'], typeof PROJECT_EVENT_TYPES>;

/** The event of the given type. */
export type ProjectEventOf<T extends ProjectEventType> = Extract<ProjectEvent, { type: T }>;
