/** Failures of the storage itself, the same for every backend. */

/**
 * A change could not be made durable (a read-only or full disk, a database that is down): the
 * change was not made — nothing of it stays in memory — and the caller may try again.
 */
export class StorageUnavailable extends Error {
  constructor(readonly reason: unknown) {
    const detail = reason instanceof Error ? reason.message : String(reason);
    super(`the server cannot store data right now, so the change was not made (${detail}); try again later`);
    this.name = 'StorageUnavailable';
  }
}
