-- Step 2 of the sibling search (report_quality_kin.sql): the inverted index, one row per key held
-- by two classes or more, with their number and at most 16 of them.
CREATE OR REPLACE TABLE report_quality_holders AS
SELECT key, count(*) AS n, min_by(cid, hash(cid), 16) AS kept FROM report_quality_grams GROUP BY key HAVING count(*) >= 2;
