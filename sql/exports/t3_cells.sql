-- Every table 3 (依申请公开) cell of the published years, in long form (columns as in t3_cells), with the
-- body's name and the partition keys year and province.
SELECT r.year,
       coalesce(left(b.region_code, 2), '00') AS province,
       b.name AS body,
       c.*
FROM t3_cells c
JOIN reports r USING (report_id)
JOIN bodies b USING (body_id)
WHERE list_contains(getvariable('lake_years'), r.year)
ORDER BY r.year, province, c.report_id, c.row_code, c.col_code
