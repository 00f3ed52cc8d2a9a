-- The metadata: one row per record of every collection (see docs/architecture.md, "PostgreSQL storage").
CREATE TABLE records (
  collection text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  -- Insertion order: collections list their records in it, as the embedded store does.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (collection, id)
);

-- The active log of a document: every accepted update with who sent it and when, per generation.
CREATE TABLE document_updates (
  document_id text NOT NULL,
  generation integer NOT NULL,
  seq integer NOT NULL,
  user_id text NOT NULL,
  at bigint NOT NULL,
  update bytea NOT NULL,
  PRIMARY KEY (document_id, generation, seq)
);

-- Compacted generations: the same updates merged into per-user history windows (never changed).
CREATE TABLE document_history (
  document_id text NOT NULL,
  generation integer NOT NULL,
  idx integer NOT NULL,
  count integer NOT NULL,
  user_id text NOT NULL,
  from_at bigint NOT NULL,
  to_at bigint NOT NULL,
  update bytea NOT NULL,
  PRIMARY KEY (document_id, generation, idx)
);

-- The merged state of every compacted generation up to `generation`.
CREATE TABLE document_states (
  document_id text PRIMARY KEY,
  generation integer NOT NULL,
  state bytea NOT NULL
);

-- Frozen document versions (immutable).
CREATE TABLE snapshots (
  id text PRIMARY KEY,
  project_id text NOT NULL,
  document_id text NOT NULL,
  created_at text NOT NULL,
  created_by text NOT NULL,
  state bytea NOT NULL,
  json jsonb NOT NULL,
  drafting_credits jsonb
);
