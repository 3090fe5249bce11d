-- Raw output of the extraction engine, one set per document (replaced when the file changes).
CREATE TABLE IF NOT EXISTS extractions (
  document_id  VARCHAR PRIMARY KEY,
  sha256       VARCHAR NOT NULL,
  status       VARCHAR NOT NULL,
  error        VARCHAR,
  issuer       VARCHAR,
  publisher    VARCHAR,
  year         INTEGER,
  level        VARCHAR,
  format       VARCHAR,
  t2_format    VARCHAR,
  notes        VARCHAR[],
  extracted_at TIMESTAMP NOT NULL,
  -- the publication date the file carries (发布时间, 发布日期, PDF CreationDate) and where it was read
  published_on     DATE,
  published_source VARCHAR,
  published_text   VARCHAR
);
ALTER TABLE extractions ADD COLUMN IF NOT EXISTS published_on DATE;
ALTER TABLE extractions ADD COLUMN IF NOT EXISTS published_source VARCHAR;
ALTER TABLE extractions ADD COLUMN IF NOT EXISTS published_text VARCHAR;

CREATE TABLE IF NOT EXISTS extracted_cells (
  document_id VARCHAR NOT NULL,
  table_code  VARCHAR NOT NULL,
  row_code    VARCHAR NOT NULL,
  col_code    VARCHAR NOT NULL,
  value       DOUBLE,
  cell_kind   VARCHAR NOT NULL,
  raw_text    VARCHAR NOT NULL,
  loc         VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS extracted_checks (
  document_id VARCHAR NOT NULL,
  rule        VARCHAR NOT NULL,
  scope       VARCHAR NOT NULL,
  status      VARCHAR NOT NULL,
  detail      VARCHAR NOT NULL,
  cells       VARCHAR[] NOT NULL
);

CREATE TABLE IF NOT EXISTS extracted_flags (
  document_id VARCHAR NOT NULL,
  cell        VARCHAR NOT NULL,
  reason      VARCHAR NOT NULL,
  detail      VARCHAR NOT NULL,
  candidates  DOUBLE[]
);

-- The figures a report restates in its prose (P checks), kept so that checks can be recomputed
-- from corrected cells without the report's text.
CREATE TABLE IF NOT EXISTS extracted_prose (
  document_id VARCHAR NOT NULL,
  rule        VARCHAR NOT NULL,
  value       DOUBLE NOT NULL,
  sentence    VARCHAR NOT NULL,
  cells       VARCHAR[] NOT NULL,
  or_cells    VARCHAR[]
);

-- The six sections of each report (format-spec §6.1): whether the heading was found, and the text
-- of the prose sections 一 (总体情况), 五 (problems) and 六 (other matters), for the quality measures.
CREATE TABLE IF NOT EXISTS extracted_sections (
  document_id VARCHAR NOT NULL,
  section     VARCHAR NOT NULL,
  found       BOOLEAN NOT NULL,
  text        VARCHAR,
  sketch      UINTEGER[]
);
