-- The transaction that last wrote each record (set on insert and on update), so an instance that
-- lost Redis for a while reads the records written since (PostgresMetadataStore.catchUp): every
-- transaction that commits after a snapshot has an id at or above that snapshot's xmin. `seq` is
-- insertion order only (an update keeps it), so it cannot tell what changed.
ALTER TABLE records ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX records_written_by ON records (written_by);
