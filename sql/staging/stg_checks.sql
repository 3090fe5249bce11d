-- The checks of every document: as extracted, or, for a document with applied corrections, as
-- recomputed from its corrected cells at load (corrected_checks).
CREATE OR REPLACE VIEW stg_checks AS
SELECT document_id, rule, scope, status, detail, cells, false AS recomputed
FROM extracted_checks
WHERE document_id NOT IN (SELECT document_id FROM corrected_checks)
UNION ALL
SELECT document_id, rule, scope, status, detail, cells, true
FROM corrected_checks;
