-- Step 4 of the sibling search (report_quality_kin.sql): each candidate measured on the hashes up
-- to tau; one row per class, its best candidate (the first by body_id among equals).
CREATE OR REPLACE TABLE report_quality_sibling_pairs AS
WITH t AS (SELECT cid, CASE WHEN len(sample) = 64 THEN sample[64] ELSE 4294967295 END AS tau FROM report_quality_classes),
p AS (SELECT c.cid, c.other, least(ta.tau, tb.tau) AS tau FROM report_quality_candidates c JOIN t ta USING (cid) JOIN t tb ON tb.cid = c.other),
a AS (SELECT p.cid, p.other, count(*) AS na, count(o.h) AS shared
      FROM p JOIN report_quality_grams g ON g.cid = p.cid AND g.h <= p.tau
      LEFT JOIN report_quality_grams o ON o.cid = p.other AND o.h = g.h
      GROUP BY ALL),
b AS (SELECT p.cid, p.other, count(*) AS nb FROM p JOIN report_quality_grams g ON g.cid = p.other AND g.h <= p.tau GROUP BY ALL)
SELECT a.cid, c.bodies[1] AS body_id, a.shared / (a.na + b.nb - a.shared) AS similarity
FROM a JOIN b USING (cid, other) JOIN report_quality_classes c ON c.cid = a.other
QUALIFY row_number() OVER (PARTITION BY a.cid ORDER BY similarity DESC, body_id) = 1;
