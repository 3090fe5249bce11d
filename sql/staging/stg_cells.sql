-- Every extracted cell with its source file, blank kept apart from 0, and the applied corrections
-- on top (a corrected cell the extractor did not read at all is added). The documents chosen as
-- reports are picked in sql/core; row codes are checked against the dictionary by a data test.
CREATE OR REPLACE VIEW stg_cells AS
WITH k AS (SELECT * FROM stg_cell_corrections WHERE status = 'applied')
SELECT
  coalesce(x.document_id, k.document_id) AS document_id,
  coalesce(x.table_code, k.table_code) AS table_code,
  coalesce(x.row_code, k.row_code) AS row_code,
  coalesce(x.col_code, k.col_code) AS col_code,
  CASE WHEN k.cell IS NULL THEN x.value ELSE k.corrected_value END AS value,
  CASE WHEN k.cell IS NULL THEN x.cell_kind ELSE k.corrected_kind END AS cell_kind,
  CASE WHEN k.cell IS NULL THEN x.cell_kind ELSE k.corrected_kind END = 'blank' AS is_blank,
  x.raw_text,
  d.path AS source_path,
  coalesce(x.loc, '') AS loc,
  x.value AS extracted_value,
  x.cell_kind AS extracted_kind,
  k.cell IS NOT NULL AS corrected
FROM extracted_cells x
FULL OUTER JOIN k
  ON k.document_id = x.document_id AND k.table_code = x.table_code AND k.row_code = x.row_code AND k.col_code = x.col_code
JOIN documents d ON d.document_id = coalesce(x.document_id, k.document_id);
