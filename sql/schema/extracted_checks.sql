-- Raw output of the extraction engine: each identity of format-spec §6.5 evaluated on each document.
CREATE TABLE IF NOT EXISTS extracted_checks (
  document_id VARCHAR NOT NULL,
  rule        VARCHAR NOT NULL,
  scope       VARCHAR NOT NULL,
  status      VARCHAR NOT NULL,
  detail      VARCHAR NOT NULL,
  cells       VARCHAR[] NOT NULL
);
