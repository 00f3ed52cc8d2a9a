/**
 * `REDIS_URL` (with `STORAGE=postgres`): joins this instance to the others of the deployment — the
 * documents' updates and presence, the metadata and the project events travel through Redis, and
 * each catches up from PostgreSQL on what it missed while Redis was away.
 */
import type { SessionService } from '../auth/SessionService.js';
import type { DomainEventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { Extension } from '../collab/hooks.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { PostgresStorage } from '../storage/postgres/openPostgresStorage.js';
import { relayAccess } from './AccessRelay.js';
import { redisAttemptLimiters } from './attemptLimiters.js';
import type { RedisAttemptLimiters } from './attemptLimiters.js';
import { DocumentFanout } from './DocumentFanout.js';
import type { DocumentFanoutOptions } from './DocumentFanout.js';
import { RedisBus } from './RedisBus.js';
import { syncMetadata } from './MetadataSync.js';
import { RelayedProjectEventHub } from './RelayedProjectEventHub.js';

export interface JoinedInstance {
  hub: ProjectEventHub;
  /** The collaboration extensions of the document fan-out. */
  extensions: Extension[];
  /** Attempt limits counted in Redis, across the instances. */
  attemptLimiters: RedisAttemptLimiters;
  /** Relays access losses (access-changed, ended sessions) to and from the other instances. */
  relayAccess(events: DomainEventBus, sessions: SessionService): Promise<void>;
  close(): Promise<void>;
}

export async function joinInstances(
  url: string,
  { metadata, documents }: Pick<PostgresStorage, 'metadata' | 'documents'>,
  log: Logger,
  options: DocumentFanoutOptions = {},
): Promise<JoinedInstance> {
  const bus = await RedisBus.connect(url, log);
  try {
    const stopMetadata = await syncMetadata(metadata, bus, log);
    const hub = await RelayedProjectEventHub.join(bus, () => metadata.settled(), log);
    const fanout = new DocumentFanout(bus, documents, log, options);
    log.info({ instanceId: bus.instanceId }, 'joined the other instances through Redis');
    const stops = [stopMetadata, fanout.catchUpOnResume(), fanout.storeUnconfirmedPeriodically()];
    return {
      hub,
      extensions: fanout.extensions(),
      attemptLimiters: redisAttemptLimiters(bus),
      relayAccess: async (events, sessions) => {
        stops.push(await relayAccess(bus, metadata, events, sessions, log));
      },
      close: async () => {
        for (const stop of stops) stop();
        await bus.close();
      },
    };
  } catch (error) {
    await bus.close();
    throw error;
  }
}
