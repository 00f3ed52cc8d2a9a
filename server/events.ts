/** In-process domain events that cross module boundaries (e.g. REST changes that affect live sockets). */
import { EventEmitter } from 'node:events';

export interface DomainEvents {
  /** A member's role changed or they were removed/disabled: their live connections must be re-authorized. */
  'access-changed': [{ userId: string; projectId: string | null }];
  /** A consultation round, its recipients or its items changed (stats and live views follow). */
  'consultation-changed': [{ projectId: string; roundId: string }];
  /** A comment thread of a document was started, answered, edited, deleted, resolved or reopened. */
  'comments-changed': [{ projectId: string; documentId: string; threadId: string | null }];
}

export class DomainEventBus extends EventEmitter<DomainEvents> {}
