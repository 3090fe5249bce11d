-- The checks of documents with applied corrections, recomputed from the corrected cells at load
-- (they stand in for extracted_checks of those documents).
CREATE TABLE IF NOT EXISTS corrected_checks (
  document_id VARCHAR NOT NULL,
  rule        VARCHAR NOT NULL,
  scope       VARCHAR NOT NULL,
  status      VARCHAR NOT NULL,
  detail      VARCHAR NOT NULL,
  cells       VARCHAR[] NOT NULL
);
