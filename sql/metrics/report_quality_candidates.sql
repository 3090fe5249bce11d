-- Step 3 of the sibling search (report_quality_kin.sql): each class's candidates by votes, at most
-- six per class, one row per pair.
CREATE OR REPLACE TABLE report_quality_candidates AS
WITH v AS (
  SELECT g.cid, o AS other, any_value(g.len) AS len, count(*) AS votes, count(*) FILTER (WHERE h.n <= 17) AS rare
  FROM report_quality_grams g JOIN report_quality_holders h USING (key), unnest(h.kept) t(o)
  WHERE o <> g.cid
  GROUP BY ALL
), s AS (
  SELECT v.cid, v.other, v.rare, v.votes / (v.len + len(c.sample) - v.votes) AS score
  FROM v JOIN report_quality_classes c ON c.cid = v.other
)
SELECT cid, unnest(list_distinct(list_concat(max_by(other, {'s': score, 'o': other}, 3), max_by(other, {'r': rare + score, 'o': other}, 3)))) AS other
FROM s GROUP BY cid;
