-- Every input file ever seen, with its fingerprint: the ledger that accounts for each file.
CREATE TABLE IF NOT EXISTS documents (
  document_id   VARCHAR PRIMARY KEY,
  path          VARCHAR NOT NULL,
  size_bytes    BIGINT NOT NULL,
  mtime_ms      DOUBLE NOT NULL,
  sha256        VARCHAR NOT NULL,
  file_type     VARCHAR NOT NULL,
  encoding      VARCHAR,
  ingest_state  VARCHAR NOT NULL,
  first_seen    TIMESTAMP NOT NULL,
  last_seen     TIMESTAMP NOT NULL,
  -- provenance from the xxgk fetch sidecar <file>.meta.json, NULL when none matches the file
  source_url       VARCHAR,
  source_final_url VARCHAR,
  source_page_url  VARCHAR,
  fetched_at       TIMESTAMP,
  source_last_modified TIMESTAMP
);
-- databases written before the provenance columns: the same columns, added in place
ALTER TABLE documents ADD COLUMN IF NOT EXISTS source_url VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS source_final_url VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS source_page_url VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS fetched_at TIMESTAMP;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS source_last_modified TIMESTAMP;
