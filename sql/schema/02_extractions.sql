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
  extracted_at TIMESTAMP NOT NULL
);
COMMENT ON TABLE extractions IS 'What the extraction engine read from each document (one row per document)';
COMMENT ON COLUMN extractions.document_id IS 'The document (documents.document_id)';
COMMENT ON COLUMN extractions.sha256 IS 'Content hash the extraction was made from; differs from documents.sha256 when the file changed since';
COMMENT ON COLUMN extractions.status IS 'ok (all read and sure), partial (some cells or tables flagged) or rejected (not a report; see error)';
COMMENT ON COLUMN extractions.error IS 'Why the file was rejected (empty, binary, truncated, not a report, blank template …)';
COMMENT ON COLUMN extractions.issuer IS 'Issuing body as read from the title, heading, 发布机构 line or contact sentence';
COMMENT ON COLUMN extractions.publisher IS 'The 发布机构 line of crawled pages, as printed (often a short form such as 区公安局)';
COMMENT ON COLUMN extractions.year IS 'Report year (the year the statistics cover), from the title or the statistics period';
COMMENT ON COLUMN extractions.level IS 'Administrative level guessed from the issuer name: province, city, district, county, department, street, township, other';
COMMENT ON COLUMN extractions.format IS 'Table layout: f2021 (国办公开办函〔2021〕30号) or f2019 (〔2019〕60号), decided from table 3 (or table 2)';
COMMENT ON COLUMN extractions.t2_format IS 'Layout of table 2 on its own; differs from format in mixed reports';
COMMENT ON COLUMN extractions.notes IS 'Repairs made with certainty, e.g. glued digits read by the table arithmetic';
COMMENT ON COLUMN extractions.extracted_at IS 'When the extraction ran';

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
COMMENT ON TABLE extracted_cells IS 'Every cell the engine read, long form, with where it was read';
COMMENT ON COLUMN extracted_cells.document_id IS 'The document (documents.document_id)';
COMMENT ON COLUMN extracted_cells.table_code IS 't2, t3 or t4';
COMMENT ON COLUMN extracted_cells.row_code IS 'Canonical row code of format-spec §6 (t4: the group review / lit_direct / lit_after_review)';
COMMENT ON COLUMN extracted_cells.col_code IS 'Canonical column code of format-spec §6';
COMMENT ON COLUMN extracted_cells.value IS 'The number; NULL when printed blank, /, -, 无, or when unsure (see extracted_flags)';
COMMENT ON COLUMN extracted_cells.cell_kind IS 'number, blank, slash, dash, none_word or unreadable: blank, 0 and / stay distinct';
COMMENT ON COLUMN extracted_cells.raw_text IS 'The printed text of the cell (digits as read from a glued run, with unit)';
COMMENT ON COLUMN extracted_cells.loc IS 'Where in the file: line N, page P y Y, table T rRcC';

CREATE TABLE IF NOT EXISTS extracted_checks (
  document_id VARCHAR NOT NULL,
  rule        VARCHAR NOT NULL,
  scope       VARCHAR NOT NULL,
  status      VARCHAR NOT NULL,
  detail      VARCHAR NOT NULL,
  cells       VARCHAR[] NOT NULL
);
COMMENT ON TABLE extracted_checks IS 'Each arithmetic identity of format-spec §6.5 evaluated on each document';
COMMENT ON COLUMN extracted_checks.document_id IS 'The document (documents.document_id)';
COMMENT ON COLUMN extracted_checks.rule IS 'V3.1 (rows 1+2 = 3+4), V3.2 (outcomes sum to 总计), V3.3 (row sums), V3.4 (whole numbers, blanks), V4.1 (table 4 groups), V2.2, V2.3';
COMMENT ON COLUMN extracted_checks.scope IS 'Which column, row or group the check covers, e.g. t3.*.total or t3.granted.*';
COMMENT ON COLUMN extracted_checks.status IS 'pass, fail or not_assessable (a term is blank or unsure)';
COMMENT ON COLUMN extracted_checks.detail IS 'The arithmetic as printed, e.g. "a=1 + b=2 = 3 but total=4 = 4"';
COMMENT ON COLUMN extracted_checks.cells IS 'Cell keys involved';

CREATE TABLE IF NOT EXISTS extracted_flags (
  document_id VARCHAR NOT NULL,
  cell        VARCHAR NOT NULL,
  reason      VARCHAR NOT NULL,
  detail      VARCHAR NOT NULL,
  candidates  DOUBLE[]
);
COMMENT ON TABLE extracted_flags IS 'Values the engine is unsure of (left NULL) and tables or rows it could not find';
COMMENT ON COLUMN extracted_flags.document_id IS 'The document (documents.document_id)';
COMMENT ON COLUMN extracted_flags.cell IS 'Cell key (t3.granted.total), row key (t3.granted) or table key (t4)';
COMMENT ON COLUMN extracted_flags.reason IS 'ambiguous, unsatisfiable, unreadable, implausible (a count that is negative, fractional or beyond 1e9), row_not_found, table_not_found, unit_converted, year_unknown, issuer_unknown, issuer_inferred';
COMMENT ON COLUMN extracted_flags.detail IS 'Why, in words';
COMMENT ON COLUMN extracted_flags.candidates IS 'For ambiguous cells: the values the printed digits allow';
