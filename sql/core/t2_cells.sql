-- Table 2 of the loaded reports in long form, one row per report, row and column, each
-- traceable to its source; value is the corrected value where a person corrected the cell (corrected),
-- extracted_value what was read.
CREATE OR REPLACE TABLE t2_cells AS
SELECT r.report_id, s.row_code, s.col_code, s.value, s.raw_text, s.cell_kind, s.is_blank, s.source_path, s.loc, s.extracted_value, s.extracted_kind, s.corrected
FROM reports r JOIN stg_cells s ON s.document_id = r.document_id AND s.table_code = 't2';
