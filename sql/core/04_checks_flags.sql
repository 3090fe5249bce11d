-- Check results and flags of the loaded reports.
CREATE OR REPLACE TABLE check_results AS
SELECT r.report_id, c.rule, c.scope, c.status, c.detail, c.cells
FROM reports r JOIN extracted_checks c USING (document_id);

CREATE OR REPLACE TABLE flags AS
SELECT r.report_id, f.cell, f.reason, f.detail, f.candidates
FROM reports r JOIN extracted_flags f USING (document_id);
