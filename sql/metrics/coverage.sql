-- Which bodies have a report for which years, and the data quality per body and year.
CREATE OR REPLACE VIEW coverage AS
WITH years AS (SELECT DISTINCT year FROM reports),
     reporting AS (SELECT DISTINCT body_id FROM reports)
SELECT b.body_id, b.name AS body, b.level, y.year,
       r.report_id IS NOT NULL AS has_report,
       r.extract_status, r.n_failed_checks, r.n_flags, r.source_path
FROM reporting JOIN bodies b USING (body_id) CROSS JOIN years y
LEFT JOIN reports r ON r.body_id = b.body_id AND r.year = y.year;
