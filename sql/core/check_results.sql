-- The check results of the loaded reports; recomputed where a person corrected cells (recomputed).
CREATE OR REPLACE TABLE check_results AS
SELECT r.report_id, c.rule, c.scope, c.status, c.detail, c.cells, c.recomputed
FROM reports r JOIN stg_checks c USING (document_id);
