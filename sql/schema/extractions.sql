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
