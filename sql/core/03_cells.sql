-- The three tables in long form, one row per report, row and column, each traceable to its source.
CREATE OR REPLACE TABLE t2_cells AS
SELECT r.report_id, s.row_code, s.col_code, s.value, s.raw_text, s.cell_kind, s.is_blank, s.source_path, s.loc
FROM reports r JOIN stg_cells s ON s.document_id = r.document_id AND s.table_code = 't2';

CREATE OR REPLACE TABLE t3_cells AS
SELECT r.report_id, s.row_code, s.col_code, s.value::BIGINT AS value, s.raw_text, s.cell_kind, s.is_blank, s.source_path, s.loc
FROM reports r JOIN stg_cells s ON s.document_id = r.document_id AND s.table_code = 't3';

CREATE OR REPLACE TABLE t4_cells AS
SELECT r.report_id, s.row_code AS group_code, s.col_code, s.value::BIGINT AS value, s.raw_text, s.cell_kind, s.is_blank, s.source_path, s.loc
FROM reports r JOIN stg_cells s ON s.document_id = r.document_id AND s.table_code = 't4';

COMMENT ON TABLE t2_cells IS 'Table 2 (proactive disclosure) cells, long form';
COMMENT ON COLUMN t2_cells.report_id IS 'The report (reports.report_id)';
COMMENT ON COLUMN t2_cells.row_code IS 'Canonical row code (categories.short_code), e.g. unable_not_held';
COMMENT ON COLUMN t2_cells.col_code IS 'Canonical column code, e.g. natural_person, total, decisions';
COMMENT ON COLUMN t2_cells.value IS 'The number; NULL when printed blank, /, -, 无 or when unsure (see flags)';
COMMENT ON COLUMN t2_cells.raw_text IS 'The text as printed (or the digits read from a glued run)';
COMMENT ON COLUMN t2_cells.cell_kind IS 'number, blank, slash, dash, none_word or unreadable';
COMMENT ON COLUMN t2_cells.is_blank IS 'true when the cell was printed empty (not 0)';
COMMENT ON COLUMN t2_cells.source_path IS 'The file the value was read from';
COMMENT ON COLUMN t2_cells.loc IS 'Where in that file: line N, page P y Y, or table T rRcC';
COMMENT ON TABLE t3_cells IS 'Table 3 (requests received and handled) cells, long form';
COMMENT ON COLUMN t3_cells.report_id IS 'The report (reports.report_id)';
COMMENT ON COLUMN t3_cells.row_code IS 'Canonical row code (categories.short_code), e.g. unable_not_held';
COMMENT ON COLUMN t3_cells.col_code IS 'Canonical column code, e.g. natural_person, total, decisions';
COMMENT ON COLUMN t3_cells.value IS 'The number; NULL when printed blank, /, -, 无 or when unsure (see flags)';
COMMENT ON COLUMN t3_cells.raw_text IS 'The text as printed (or the digits read from a glued run)';
COMMENT ON COLUMN t3_cells.cell_kind IS 'number, blank, slash, dash, none_word or unreadable';
COMMENT ON COLUMN t3_cells.is_blank IS 'true when the cell was printed empty (not 0)';
COMMENT ON COLUMN t3_cells.source_path IS 'The file the value was read from';
COMMENT ON COLUMN t3_cells.loc IS 'Where in that file: line N, page P y Y, or table T rRcC';
COMMENT ON TABLE t4_cells IS 'Table 4 (administrative review and litigation) cells, long form';
COMMENT ON COLUMN t4_cells.report_id IS 'The report (reports.report_id)';
COMMENT ON COLUMN t4_cells.group_code IS 'review, lit_direct or lit_after_review';
COMMENT ON COLUMN t4_cells.col_code IS 'Canonical column code, e.g. natural_person, total, decisions';
COMMENT ON COLUMN t4_cells.value IS 'The number; NULL when printed blank, /, -, 无 or when unsure (see flags)';
COMMENT ON COLUMN t4_cells.raw_text IS 'The text as printed (or the digits read from a glued run)';
COMMENT ON COLUMN t4_cells.cell_kind IS 'number, blank, slash, dash, none_word or unreadable';
COMMENT ON COLUMN t4_cells.is_blank IS 'true when the cell was printed empty (not 0)';
COMMENT ON COLUMN t4_cells.source_path IS 'The file the value was read from';
COMMENT ON COLUMN t4_cells.loc IS 'Where in that file: line N, page P y Y, or table T rRcC';
