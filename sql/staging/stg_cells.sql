-- Every extracted cell with its source file, blank kept apart from 0. The documents chosen as
-- reports are picked in sql/core; row codes are checked against the dictionary by a data test.
CREATE OR REPLACE VIEW stg_cells AS
SELECT
  x.document_id,
  x.table_code,
  x.row_code,
  x.col_code,
  x.value,
  x.cell_kind,
  x.cell_kind = 'blank' AS is_blank,
  x.raw_text,
  d.path AS source_path,
  x.loc
FROM extracted_cells x
JOIN documents d USING (document_id);
