-- Every metric of every report of the published years (columns as in report_metrics), with the
-- body's name and the partition keys year and province.
SELECT m.year,
       coalesce(left(b.region_code, 2), '00') AS province,
       b.name AS body,
       m.* EXCLUDE (year)
FROM report_metrics m
JOIN bodies b USING (body_id)
WHERE list_contains(getvariable('lake_years'), m.year)
ORDER BY m.year, province, m.report_id, m.metric
