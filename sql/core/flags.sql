-- The flags of the loaded reports (what the extractor was unsure of, rows or tables not found), and
-- whether a person has corrected the flagged cell since.
CREATE OR REPLACE TABLE flags AS
SELECT r.report_id, f.cell, f.reason, f.detail, f.candidates,
       EXISTS (SELECT 1 FROM stg_cell_corrections k WHERE k.document_id = r.document_id AND k.cell = f.cell AND k.status = 'applied') AS corrected
FROM reports r JOIN extracted_flags f USING (document_id);
