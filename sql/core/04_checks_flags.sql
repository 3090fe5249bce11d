-- Check results and flags of the loaded reports.
CREATE OR REPLACE TABLE check_results AS
SELECT r.report_id, c.rule, c.scope, c.status, c.detail, c.cells
FROM reports r JOIN extracted_checks c USING (document_id);
COMMENT ON TABLE check_results IS 'Each arithmetic identity of format-spec §6.5 for each report';
COMMENT ON COLUMN check_results.report_id IS 'The report (reports.report_id)';
COMMENT ON COLUMN check_results.rule IS 'V3.1, V3.2, V3.3, V3.4, V4.1, V2.2, V2.3 (see extracted_checks.rule)';
COMMENT ON COLUMN check_results.scope IS 'Column, row or group checked';
COMMENT ON COLUMN check_results.status IS 'pass, fail or not_assessable';
COMMENT ON COLUMN check_results.detail IS 'The arithmetic as printed';
COMMENT ON COLUMN check_results.cells IS 'Cell keys involved';

CREATE OR REPLACE TABLE flags AS
SELECT r.report_id, f.cell, f.reason, f.detail, f.candidates
FROM reports r JOIN extracted_flags f USING (document_id);
COMMENT ON TABLE flags IS 'What the extractor was unsure of in each report (those cells are NULL)';
COMMENT ON COLUMN flags.report_id IS 'The report (reports.report_id)';
COMMENT ON COLUMN flags.cell IS 'Cell, row or table key';
COMMENT ON COLUMN flags.reason IS 'ambiguous, unsatisfiable, unreadable, implausible, row_not_found, table_not_found, unit_converted …';
COMMENT ON COLUMN flags.detail IS 'Why, in words';
COMMENT ON COLUMN flags.candidates IS 'Values the printed digits allow (ambiguous cells)';
