/** The page's one live-event stream per project: every event type listened to, shared, closed with the last subscriber. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROJECT_EVENT_TYPES } from '@shared/api/events.js';
import type { ProjectEvent } from '@shared/api/events.js';
import { subscribeProjectEvents } from '../../client/src/realtime/projectEventStream.js';
import type { ProjectStreamEvent } from '../../client/src/realtime/projectEventStream.js';

type Handler = (message: { data: unknown }) => void;

/** The little of EventSource the stream uses; every instance is recorded. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly handlers = new Map<string, Handler[]>();
  closed = false;

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }

  addEventListener(type: string, handler: Handler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  close(): void {
    this.closed = true;
  }

  /** Delivers a server event as an SSE message of its type. */
  emit(event: ProjectEvent): void {
    for (const handler of this.handlers.get(event.type) ?? []) handler({ data: JSON.stringify(event) });
  }
}

describe('subscribeProjectEvents', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('listens to every project event type', () => {
    const unsubscribe = subscribeProjectEvents('p1', () => {});
    const [source] = FakeEventSource.instances;
    expect(source?.url).toBe('/api/projects/p1/events');
    expect([...(source?.handlers.keys() ?? [])].sort()).toEqual([...PROJECT_EVENT_TYPES].sort());
    unsubscribe();
  });

  it('shares one stream between subscribers and closes it with the last one', () => {
    const first: ProjectStreamEvent[] = [];
    const second: ProjectStreamEvent[] = [];
    const unsubscribeFirst = subscribeProjectEvents('p1', (event) => first.push(event));
    const unsubscribeSecond = subscribeProjectEvents('p1', (event) => second.push(event));
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.instances[0] as FakeEventSource;

    source.emit({ type: 'ready' });
    source.emit({ type: 'comment-stats-changed', documentId: 'd1' });
    source.emit({ type: 'ready' });
    const expected = [{ type: 'comment-stats-changed', documentId: 'd1' }, { type: 'reconnected' }];
    expect(first).toEqual(expected);
    expect(second).toEqual(expected);

    unsubscribeFirst();
    expect(source.closed).toBe(false);
    unsubscribeSecond();
    expect(source.closed).toBe(true);

    subscribeProjectEvents('p1', () => {})();
    expect(FakeEventSource.instances).toHaveLength(2);
  });
});
