/**
 * Metadata across instances: after this instance commits a change, the records it wrote (collection
 * and id) are published; every other instance reads those rows again from PostgreSQL into its
 * memory (`PostgresMetadataStore.reload`). A session made by a sign-in on one instance is thus
 * valid on the others as soon as they have heard of it. Announcements made while an instance was
 * cut off from Redis are not replayed: when the bus says so (`RedisBus.onResumed`), this instance
 * catches up from PostgreSQL (`PostgresMetadataStore.catchUp`: the records written meanwhile, and
 * those removed).
 */
import type { Logger } from '../logger.js';
import type { PostgresMetadataStore } from '../storage/postgres/PostgresMetadataStore.js';
import type { RedisBus } from './RedisBus.js';
import { metadataMessage } from './messages.js';

const CHANNEL = 'metadata';

/**
 * Publishes the records of every change this store commits, for the other instances to reload;
 * returns the function that stops. Also used by a command that writes beside running instances
 * (`npm run create-admin`).
 */
export function announceCommitted(store: PostgresMetadataStore, bus: RedisBus): () => void {
  return store.onCommitted((records) => void bus.publish(CHANNEL, { records }));
}

/** Joins the store to the bus; returns the function that stops publishing and catching up. */
export async function syncMetadata(store: PostgresMetadataStore, bus: RedisBus, log: Logger): Promise<() => void> {
  await bus.subscribe(CHANNEL, (body) => {
    const parsed = metadataMessage.safeParse(body);
    if (!parsed.success) {
      log.warn('an invalid metadata message from Redis was ignored');
      return;
    }
    store
      .reload(parsed.data.records)
      .catch((error: unknown) =>
        log.error({ err: error, records: parsed.data.records.length }, 'reloading records changed elsewhere failed'),
      );
  });
  const stopCatchingUp = bus.onResumed(() => {
    store
      .catchUp()
      .then((changes) => log.info({ records: changes.length }, 'caught up on metadata changed while Redis was away'))
      .catch((error: unknown) => log.error({ err: error }, 'catching up on metadata after Redis was away failed'));
  });
  const stopPublishing = announceCommitted(store, bus);
  return () => {
    stopCatchingUp();
    stopPublishing();
  };
}
