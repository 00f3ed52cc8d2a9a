/** Fan-out of live project events to the connected browsers (one SSE stream per open page). */
import type { ProjectEvent } from '../../shared/api/events.js';

type Listener = (event: ProjectEvent) => void;

export class ProjectEventHub {
  private readonly listeners = new Map<string, Set<Listener>>();

  subscribe(projectId: string, listener: Listener): () => void {
    let set = this.listeners.get(projectId);
    if (!set) {
      set = new Set();
      this.listeners.set(projectId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(projectId);
    };
  }

  publish(projectId: string, event: ProjectEvent): void {
    for (const listener of this.listeners.get(projectId) ?? []) listener(event);
  }

  subscriberCount(projectId: string): number {
    return this.listeners.get(projectId)?.size ?? 0;
  }
}
