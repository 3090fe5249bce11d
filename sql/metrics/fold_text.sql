-- A text folded for comparison: digits to '#', spaces removed (a copied paragraph with this year's
-- numbers is still copied). The folding of report_quality's similarity measures.
CREATE OR REPLACE MACRO fold_text(t) AS regexp_replace(regexp_replace(coalesce(t, ''), '[0-9]+', '#', 'g'), '\s+', '', 'g');
