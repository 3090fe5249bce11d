-- Corrections made by people (xxgk correct): one row per document content (sha256) and cell, the
-- latest wins. The file <database folder>/corrections.csv holds the same rows and is the source a
-- load reads, so a fresh database built from the same inputs gets the same corrections.
CREATE TABLE IF NOT EXISTS corrections (
  document_sha256 VARCHAR NOT NULL,
  cell            VARCHAR NOT NULL,
  original_value  VARCHAR,
  corrected_value DOUBLE,
  corrected_kind  VARCHAR NOT NULL,
  corrected_text  VARCHAR NOT NULL,
  reason          VARCHAR,
  reviewer        VARCHAR,
  document_path   VARCHAR,
  corrected_at    TIMESTAMP NOT NULL
);
