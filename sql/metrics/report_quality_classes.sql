-- Step 1 of the sibling search (report_quality_kin.sql): the classes of identical samples within a
-- family and section, one row per class, with its size and its first two bodies.
CREATE OR REPLACE TABLE report_quality_classes AS
SELECT cid, any_value(fam) AS fam, any_value(sec) AS sec, any_value(sample) AS sample, count(*) AS m,
       min_by(body_id, body_id, 2) AS bodies
FROM report_quality_kin GROUP BY cid;
