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
  last_seen     TIMESTAMP NOT NULL
);
