-- The corrected cells of the loaded reports (a person's correction applied).
CREATE OR REPLACE VIEW corrected_cells AS
SELECT report_id, 't2.' || row_code || '.' || col_code AS cell FROM t2_cells WHERE corrected
UNION ALL SELECT report_id, 't3.' || row_code || '.' || col_code FROM t3_cells WHERE corrected
UNION ALL SELECT report_id, 't4.' || group_code || '.' || col_code FROM t4_cells WHERE corrected;
