-- Siblings, and the share of a report's distinct sentences (一, 五, 六, folded as for
-- report_quality_sections) that a sibling's report of the same year also has: a count per family
-- and sentence, so linear. One row per report with a parent body.
CREATE OR REPLACE TABLE report_quality_sibling_sentences AS
WITH f AS (
  SELECT s.report_id, b.parent_body_id AS parent, s.year,
         list_distinct(s.sent) AS sent,
         count(*) OVER (PARTITION BY b.parent_body_id, s.year) - 1 AS n_siblings
  FROM report_quality_sections s JOIN bodies b USING (body_id)
  WHERE b.parent_body_id IS NOT NULL
), h AS (
  SELECT report_id, parent, year, unnest(sent) AS sh FROM f WHERE n_siblings > 0
), n AS (
  SELECT parent, year, sh, count(*) AS holders FROM h GROUP BY ALL
), share AS (
  SELECT h.report_id, count(*) FILTER (WHERE n.holders >= 2) / count(*) AS sentences_shared_share
  FROM h JOIN n USING (parent, year, sh) GROUP BY h.report_id
)
SELECT f.report_id, f.n_siblings, CASE WHEN f.n_siblings > 0 THEN share.sentences_shared_share END AS sentences_shared_share
FROM f LEFT JOIN share USING (report_id);
