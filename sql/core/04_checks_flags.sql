-- Check results and flags of the loaded reports; checks are recomputed where cells were corrected.
CREATE OR REPLACE TABLE check_results AS
SELECT r.report_id, c.rule, c.scope, c.status, c.detail, c.cells, c.recomputed
FROM reports r JOIN stg_checks c USING (document_id);

CREATE OR REPLACE TABLE flags AS
SELECT r.report_id, f.cell, f.reason, f.detail, f.candidates,
       EXISTS (SELECT 1 FROM stg_cell_corrections k WHERE k.document_id = r.document_id AND k.cell = f.cell AND k.status = 'applied') AS corrected
FROM reports r JOIN extracted_flags f USING (document_id);
