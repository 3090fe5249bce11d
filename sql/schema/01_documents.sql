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
COMMENT ON TABLE documents IS 'One row per input file ever ingested; removed files stay, marked removed';
COMMENT ON COLUMN documents.document_id IS 'Stable id: first 16 hex digits of sha256 of the path relative to the ingest root';
COMMENT ON COLUMN documents.path IS 'Path of the file as given to ingest (relative to the working directory)';
COMMENT ON COLUMN documents.size_bytes IS 'File size in bytes at the last ingest';
COMMENT ON COLUMN documents.mtime_ms IS 'File modification time (ms since epoch) at the last ingest; with size it lets unchanged files skip hashing';
COMMENT ON COLUMN documents.sha256 IS 'SHA-256 of the file content at the last ingest';
COMMENT ON COLUMN documents.file_type IS 'Detected type: html, text, json, docx, pdf';
COMMENT ON COLUMN documents.encoding IS 'Detected text encoding (utf-8, gb18030, …); NULL for binary formats';
COMMENT ON COLUMN documents.ingest_state IS 'new, changed or unchanged since the previous ingest, or removed (file no longer present)';
COMMENT ON COLUMN documents.first_seen IS 'When the file was first ingested';
COMMENT ON COLUMN documents.last_seen IS 'When the file was last seen by ingest';
