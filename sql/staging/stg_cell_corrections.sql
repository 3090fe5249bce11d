-- Each correction (xxgk correct, data/corrections.csv) against the documents that have its content
-- now: applied (the cell is set to the corrected value), redundant (the extractor already reads the
-- cell that way: nothing to apply) or stale (no current document has that sha256: the file changed
-- or is gone, so the correction is not applied).
CREATE OR REPLACE VIEW stg_cell_corrections AS
WITH docs AS (
  SELECT d.document_id, d.sha256, d.path
  FROM documents d JOIN extractions e USING (document_id)
  WHERE d.ingest_state <> 'removed' AND e.sha256 = d.sha256 AND e.status <> 'rejected'
)
SELECT
  c.document_sha256,
  c.cell,
  split_part(c.cell, '.', 1) AS table_code,
  split_part(c.cell, '.', 2) AS row_code,
  split_part(c.cell, '.', 3) AS col_code,
  d.document_id,
  coalesce(d.path, c.document_path) AS path,
  c.original_value,
  x.value AS extracted_value,
  x.cell_kind AS extracted_kind,
  c.corrected_value,
  c.corrected_kind,
  c.corrected_text,
  c.reason,
  c.reviewer,
  c.corrected_at,
  CASE
    WHEN d.document_id IS NULL THEN 'stale'
    WHEN x.cell_kind IS NOT DISTINCT FROM c.corrected_kind AND x.value IS NOT DISTINCT FROM c.corrected_value THEN 'redundant'
    ELSE 'applied'
  END AS status
FROM corrections c
LEFT JOIN docs d ON d.sha256 = c.document_sha256
LEFT JOIN extracted_cells x
  ON x.document_id = d.document_id AND x.table_code = split_part(c.cell, '.', 1)
 AND x.row_code = split_part(c.cell, '.', 2) AND x.col_code = split_part(c.cell, '.', 3);
