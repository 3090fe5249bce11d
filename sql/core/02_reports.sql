-- One report per body and year: the chosen document.
CREATE OR REPLACE TABLE reports AS
SELECT
  c.body_id || '-' || c.year AS report_id,
  c.body_id,
  c.year,
  e.format,
  e.status AS extract_status,
  c.document_id,
  c.path AS source_path,
  c.n_failed_checks,
  c.n_flags,
  (SELECT count(*) FROM document_choice d WHERE d.body_id = c.body_id AND d.year = c.year) - 1 AS n_duplicates
FROM document_choice c
JOIN extractions e USING (document_id)
WHERE c.rank_in_group = 1;
COMMENT ON TABLE reports IS 'One row per body and year: the report loaded for it';
COMMENT ON COLUMN reports.report_id IS 'body_id-year';
COMMENT ON COLUMN reports.body_id IS 'The reporting body (bodies.body_id)';
COMMENT ON COLUMN reports.year IS 'Report year';
COMMENT ON COLUMN reports.format IS 'f2021 or f2019 table layout';
COMMENT ON COLUMN reports.extract_status IS 'ok or partial (see flags for what is unsure)';
COMMENT ON COLUMN reports.document_id IS 'The source document (documents.document_id)';
COMMENT ON COLUMN reports.source_path IS 'Path of the source file';
COMMENT ON COLUMN reports.n_failed_checks IS 'Number of arithmetic checks that fail (see check_results)';
COMMENT ON COLUMN reports.n_flags IS 'Number of flags (see flags)';
COMMENT ON COLUMN reports.n_duplicates IS 'Other documents for the same body and year, kept as duplicates';
