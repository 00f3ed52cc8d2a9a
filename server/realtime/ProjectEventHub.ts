/**
 * Fan-out of live project events to the connected browsers (one SSE stream per open page). Each
 * subscription knows whose it is (user and session), so streams can be cut off when the session ends
 * or the user loses access to the project.
 */
import type { ProjectEvent } from '@shared/api/events.js';

type Listener = (event: ProjectEvent) => void;

export interface StreamOwner {
  userId: string;
  sessionId: string | null;
}

interface Subscription {
  projectId: string;
  owner: StreamOwner;
  listener: Listener;
  /** Ends the stream (the response is closed). */
  end: () => void;
}

export class ProjectEventHub {
  private readonly subscriptions = new Map<string, Set<Subscription>>();

  subscribe(projectId: string, owner: StreamOwner, listener: Listener, end: () => void): () => void {
    let set = this.subscriptions.get(projectId);
    if (!set) {
      set = new Set();
      this.subscriptions.set(projectId, set);
    }
    const subscription: Subscription = { projectId, owner, listener, end };
    set.add(subscription);
    return () => {
      set.delete(subscription);
      if (set.size === 0 && this.subscriptions.get(projectId) === set) this.subscriptions.delete(projectId);
    };
  }

  publish(projectId: string, event: ProjectEvent): void {
    for (const subscription of this.subscriptions.get(projectId) ?? []) subscription.listener(event);
  }

  /** Ends every stream whose project and owner match; returns how many were ended. */
  endStreams(match: (projectId: string, owner: StreamOwner) => boolean): number {
    let count = 0;
    for (const set of this.subscriptions.values()) {
      for (const subscription of [...set]) {
        if (!match(subscription.projectId, subscription.owner)) continue;
        set.delete(subscription);
        subscription.end();
        count++;
      }
    }
    for (const [projectId, set] of this.subscriptions) if (set.size === 0) this.subscriptions.delete(projectId);
    return count;
  }

  subscriberCount(projectId: string): number {
    return this.subscriptions.get(projectId)?.size ?? 0;
  }
}
