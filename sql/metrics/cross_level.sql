-- Where a government's report and its departments' reports are both loaded: the government's
-- own totals next to the sum over its departments (they need not be equal).
CREATE OR REPLACE VIEW cross_level AS
WITH gov AS (
       SELECT r.report_id, r.body_id, r.year FROM reports r JOIN bodies b USING (body_id)
       WHERE b.level NOT IN ('department', 'street', 'township')
     ),
     dept AS (
       SELECT b.parent_body_id AS body_id, m.year, m.metric,
              sum(m.value) AS departments_sum, count(m.value) AS departments_reporting, count(*) AS departments
       FROM report_metrics m JOIN bodies b USING (body_id)
       WHERE b.parent_body_id IS NOT NULL AND m.metric IN ('new_applications', 'applications_handled', 'review_cases', 'litigation_cases')
       GROUP BY ALL
     )
SELECT g.body_id, b.name AS body, g.year, d.metric, m.value AS region_total, d.departments_sum,
       d.departments_reporting, d.departments, m.value - d.departments_sum AS difference
FROM gov g JOIN bodies b USING (body_id)
JOIN dept d ON d.body_id = g.body_id AND d.year = g.year
LEFT JOIN report_metrics m ON m.report_id = g.report_id AND m.metric = d.metric;
