/** In-process domain events that cross module boundaries (e.g. REST changes that affect live sockets). */
import { EventEmitter } from 'node:events';

export interface DomainEvents {
  /** A member's role changed or they were removed/disabled: their live connections must be re-authorized. */
  'access-changed': [{ userId: string; projectId: string | null }];
}

export class DomainEventBus extends EventEmitter<DomainEvents> {}
