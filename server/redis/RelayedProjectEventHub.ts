/**
 * The project event hub of an instance joined to others: every event published here is also sent
 * through Redis, and the events the other instances publish reach this instance's streams, so the
 * live panels of a browser on any instance follow changes made on any other.
 *
 * An event from another instance reaches this instance's streams only once the metadata reloads
 * under way here have settled: that instance announced the records it wrote before it published the
 * event (same Redis connection, so in that order), so a panel that reads again on the event gets
 * the records it is about (a new comment's thread *and* its first comment), not an older copy.
 */
import type { ProjectEvent } from '@shared/api/events.js';
import type { Logger } from '../logger.js';
import { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { RedisBus } from './RedisBus.js';
import { projectEventMessage } from './messages.js';

const CHANNEL = 'project-events';

export class RelayedProjectEventHub extends ProjectEventHub {
  /** The relayed events in order, each after the metadata reloads started before it arrived. */
  private inbound: Promise<void> = Promise.resolve();

  private constructor(private readonly bus: RedisBus) {
    super();
  }

  /** `settled`: resolves once the metadata reloads started so far are in memory. */
  static async join(bus: RedisBus, settled: () => Promise<void>, log: Logger): Promise<RelayedProjectEventHub> {
    const hub = new RelayedProjectEventHub(bus);
    await bus.subscribe(CHANNEL, (body) => {
      const parsed = projectEventMessage.safeParse(body);
      if (!parsed.success) {
        log.warn('an invalid project event from Redis was ignored');
        return;
      }
      const { projectId, event } = parsed.data;
      const waiting = settled();
      hub.inbound = hub.inbound
        .then(() => waiting)
        .then(() => hub.deliver(projectId, event))
        .catch((error: unknown) => log.error({ err: error }, 'a relayed project event was not delivered'));
    });
    return hub;
  }

  override publish(projectId: string, event: ProjectEvent): void {
    this.deliver(projectId, event);
    void this.bus.publish(CHANNEL, { projectId, event });
  }

  /** To this instance's streams only. */
  private deliver(projectId: string, event: ProjectEvent): void {
    super.publish(projectId, event);
  }
}
