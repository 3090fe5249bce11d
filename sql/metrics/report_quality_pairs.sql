-- Each report against the same body's report of the year before: the sketch similarities of
-- sections 一, 五, 六 and the share of sentences carried over, computed pair by pair (the union
-- sketches and sentence lists are never stored). One row per report that has a previous one.
CREATE OR REPLACE TABLE report_quality_pairs AS
WITH u AS (
  SELECT c.report_id, p.year AS previous_year, c.k1, p.k1 AS p1, c.k5, p.k5 AS p5, c.k6, p.k6 AS p6,
         sketch_union(c.k1, p.k1) AS u1, sketch_union(c.k5, p.k5) AS u5, sketch_union(c.k6, p.k6) AS u6,
         c.sent, p.sent AS prev_sent
  FROM report_quality_sections c JOIN report_quality_sections p ON p.body_id = c.body_id AND p.year = c.year - 1
), p AS (
  SELECT report_id, previous_year,
         sketch_jaccard(k1, p1, u1) AS s1_similarity,
         sketch_jaccard(k5, p5, u5) AS s5_similarity,
         sketch_jaccard(k6, p6, u6) AS s6_similarity,
         sent, prev_sent
  FROM u
)
SELECT report_id, previous_year, s1_similarity, s5_similarity, s6_similarity,
       CASE WHEN len(sent) > 0 THEN len(list_intersect(sent, prev_sent)) / len(sent) END AS sentences_carried_share
FROM p;
