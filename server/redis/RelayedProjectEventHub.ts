/**
 * The project event hub of an instance joined to others: every event published here is also sent
 * through Redis, and the events the other instances publish reach this instance's streams, so the
 * live panels of a browser on any instance follow changes made on any other.
 */
import type { ProjectEvent } from '@shared/api/events.js';
import type { Logger } from '../logger.js';
import { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { RedisBus } from './RedisBus.js';
import { projectEventMessage } from './messages.js';

const CHANNEL = 'project-events';

export class RelayedProjectEventHub extends ProjectEventHub {
  private constructor(private readonly bus: RedisBus) {
    super();
  }

  static async join(bus: RedisBus, log: Logger): Promise<RelayedProjectEventHub> {
    const hub = new RelayedProjectEventHub(bus);
    await bus.subscribe(CHANNEL, (body) => {
      const parsed = projectEventMessage.safeParse(body);
      if (parsed.success) hub.deliver(parsed.data.projectId, parsed.data.event);
      else log.warn('an invalid project event from Redis was ignored');
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
