/** In-process domain events that cross module boundaries (e.g. REST changes that affect live sockets). */
import { EventEmitter } from 'node:events';
import type { ProjectEventOf, ProjectEventType } from '@shared/api/events.js';

/** What a project's live event of this type says, plus the project it concerns. */
type ProjectChange<T extends ProjectEventType> = Omit<ProjectEventOf<T>, 'type'> & { projectId: string };

export interface DomainEvents {
  /** A member's role changed or they were removed/disabled: their live connections must be re-authorized. */
  'access-changed': [
    {
      userId: string;
      projectId: string | null;
      /** Changed on another instance and heard of through Redis (server/redis): not to be relayed or announced again. */
      relayed?: boolean;
    },
  ];
  /** A consultation round, its recipients or its items changed (stats and live views follow). */
  'consultation-changed': [ProjectChange<'consultation-changed'>];
  /** A comment thread of a document was started, answered, edited, deleted, resolved or reopened. */
  'comments-changed': [ProjectChange<'comments-changed'>];
}

export class DomainEventBus extends EventEmitter<DomainEvents> {}
