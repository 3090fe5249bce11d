-- One report per body and year: the chosen document, with the URL it was fetched from (when a
-- fetch sidecar vouches for its bytes) and the page it came from.
CREATE OR REPLACE TABLE reports AS
SELECT
  c.body_id || '-' || c.year AS report_id,
  c.body_id,
  c.year,
  e.format,
  e.status AS extract_status,
  c.document_id,
  c.path AS source_path,
  doc.source_url,
  doc.source_page_url,
  c.n_failed_checks,
  c.n_flags,
  (SELECT count(*) FROM document_choice d WHERE d.body_id = c.body_id AND d.year = c.year) - 1 AS n_duplicates
FROM document_choice c
JOIN extractions e USING (document_id)
JOIN documents doc USING (document_id)
WHERE c.rank_in_group = 1;
