-- Cells of the documents chosen as reports, cleaned: codes checked against the dictionary,
-- blank kept apart from 0, the source path attached for provenance.
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
  x.loc,
  EXISTS (SELECT 1 FROM categories c WHERE c.table_code = x.table_code AND c.short_code = x.row_code AND c.kind IN ('row', 'grp')) AS known_row
FROM extracted_cells x
JOIN documents d USING (document_id);
COMMENT ON VIEW stg_cells IS 'Extracted cells with their source file; known_row is false for rows outside the dictionary';
