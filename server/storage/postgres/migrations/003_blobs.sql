-- Files the server makes and keeps whole (submission packages, package jobs' zips), by key
-- (`submissions/<id>.zip`), readable by every instance (see docs/architecture.md, "PostgreSQL storage").
CREATE TABLE blobs (
  key text PRIMARY KEY,
  data bytea NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now()
);
