/**
 * Access loss across instances: a member removed, a user disabled or a session signed out on one
 * instance closes that user's sockets and event streams on every other. The signals this instance
 * raises (`access-changed`, ended sessions) are published; those heard from another instance are
 * raised here once the metadata changes published before them are read into memory, so the
 * connections closed reconnect against the new rights. Those published while this instance was cut
 * off from Redis are told from what the metadata catch-up changes (missedAccessChanges.ts) and
 * raised the same way once it has applied them.
 */
import type { SessionService } from '../auth/SessionService.js';
import type { DomainEventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { PostgresMetadataStore } from '../storage/postgres/PostgresMetadataStore.js';
import type { RedisBus } from './RedisBus.js';
import { accessMessage } from './messages.js';
import { missedAccessChanges } from './missedAccessChanges.js';
import type { AccessMessage } from './messages.js';

const CHANNEL = 'access';

/** Relays this instance's access signals and raises the others' (also those missed); returns the function that stops it. */
export async function relayAccess(
  bus: RedisBus,
  metadata: PostgresMetadataStore,
  events: DomainEventBus,
  sessions: SessionService,
  log: Logger,
): Promise<() => void> {
  const raise = (message: AccessMessage): void => {
    if (message.kind === 'access-changed')
      events.emit('access-changed', { userId: message.userId, projectId: message.projectId, relayed: true });
    else sessions.endedElsewhere({ userId: message.userId, sessionId: message.sessionId });
  };
  await bus.subscribe(CHANNEL, (body) => {
    const parsed = accessMessage.safeParse(body);
    if (!parsed.success) {
      log.warn('an invalid access message from Redis was ignored');
      return;
    }
    // The records the change wrote were published first: their reload is under way.
    void metadata.settled().then(() => raise(parsed.data));
  });
  const onAccessChanged = ({
    userId,
    projectId,
    relayed,
  }: {
    userId: string;
    projectId: string | null;
    relayed?: boolean;
  }) => {
    if (!relayed) void bus.publish(CHANNEL, { kind: 'access-changed', userId, projectId });
  };
  events.on('access-changed', onAccessChanged);
  const stopSessions = sessions.onEnded(({ userId, sessionId, relayed }) => {
    if (!relayed) void bus.publish(CHANNEL, { kind: 'session-ended', userId, sessionId });
  });
  // Redis was away: the catch-up's changes tell what was announced meanwhile.
  const stopCatchUp = metadata.onCatchUp((changes) => {
    const missed = missedAccessChanges(metadata, changes);
    return () => {
      for (const message of missed()) raise(message);
    };
  });
  return () => {
    events.off('access-changed', onAccessChanged);
    stopSessions();
    stopCatchUp();
  };
}
