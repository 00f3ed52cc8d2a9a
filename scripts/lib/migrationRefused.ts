/** A data migration that refuses to start (a server on the data dir, a database that holds data…): nothing was written. */
export class MigrationRefused extends Error {
  override readonly name = 'MigrationRefused';
}
