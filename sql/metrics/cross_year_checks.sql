-- The soft identities across years (format-spec §6.5), between consecutive reports of one body:
-- V3.5 carried_forward(y) = carried_over(y+1); V2.1 in_force(y) ≈ in_force(y-1) + issued(y) - repealed(y).
CREATE OR REPLACE VIEW cross_year_checks AS
WITH t3 AS (
  SELECT r.body_id, r.year, r.report_id,
         max(c.value) FILTER (WHERE c.row_code = 'carried_over' AND c.col_code = 'total') AS carried_over,
         max(c.value) FILTER (WHERE c.row_code = 'carried_forward' AND c.col_code = 'total') AS carried_forward
  FROM reports r JOIN t3_cells c USING (report_id) GROUP BY ALL
), t2 AS (
  SELECT r.body_id, r.year, r.report_id, r.format,
         max(c.value) FILTER (WHERE c.row_code = 'normative_docs' AND c.col_code = 'in_force') AS in_force,
         max(c.value) FILTER (WHERE c.row_code = 'normative_docs' AND c.col_code = 'issued') AS issued,
         max(c.value) FILTER (WHERE c.row_code = 'normative_docs' AND c.col_code = 'repealed') AS repealed
  FROM reports r JOIN t2_cells c USING (report_id) GROUP BY ALL
)
SELECT 'V3.5' AS rule, a.body_id, a.year, b.year AS next_year, a.report_id, b.report_id AS next_report_id,
       CASE WHEN a.carried_forward IS NULL OR b.carried_over IS NULL THEN 'not_assessable'
            WHEN a.carried_forward = b.carried_over THEN 'pass' ELSE 'fail' END AS status,
       'carried_forward(' || a.year || ') = ' || coalesce(a.carried_forward::VARCHAR, 'NULL') || ', carried_over(' || b.year || ') = ' || coalesce(b.carried_over::VARCHAR, 'NULL') AS detail
FROM t3 a JOIN t3 b ON b.body_id = a.body_id AND b.year = a.year + 1
UNION ALL
SELECT 'V2.1', a.body_id, a.year, b.year, a.report_id, b.report_id,
       CASE WHEN a.in_force IS NULL OR b.in_force IS NULL OR b.issued IS NULL OR b.repealed IS NULL THEN 'not_assessable'
            WHEN b.in_force = a.in_force + b.issued - b.repealed THEN 'pass' ELSE 'fail' END,
       'in_force(' || b.year || ') = ' || coalesce(b.in_force::VARCHAR, 'NULL') || ' vs in_force(' || a.year || ') + issued - repealed = '
         || coalesce((a.in_force + b.issued - b.repealed)::VARCHAR, 'NULL') || ' (approximate by nature: amendments and clean-ups)'
FROM t2 a JOIN t2 b ON b.body_id = a.body_id AND b.year = a.year + 1 AND a.format = 'f2021' AND b.format = 'f2021';
