-- The sibling search's result (report_quality_kin.sql), one row per report with a parent body and
-- a sketched section: per section, 1 and another member when its class has two members or more,
-- else the best candidate; 0 (and no body) when siblings have the section but none shares a
-- sampled hash.
CREATE OR REPLACE TABLE report_quality_siblings AS
WITH r AS (
  SELECT k.report_id, k.sec,
         CASE WHEN c.m >= 2 THEN 1 WHEN e.similarity IS NOT NULL THEN e.similarity WHEN k.others > 0 THEN 0 END AS similarity,
         CASE WHEN c.m >= 2 THEN list_filter(c.bodies, x -> x <> k.body_id)[1] WHEN e.similarity > 0 THEN e.body_id END AS body_id
  FROM report_quality_kin k JOIN report_quality_classes c USING (cid) LEFT JOIN report_quality_sibling_pairs e USING (cid)
)
SELECT report_id,
       any_value(similarity) FILTER (WHERE sec = 1) AS s1_sibling_similarity,
       any_value(body_id) FILTER (WHERE sec = 1) AS s1_sibling_body_id,
       any_value(similarity) FILTER (WHERE sec = 5) AS s5_sibling_similarity,
       any_value(body_id) FILTER (WHERE sec = 5) AS s5_sibling_body_id,
       any_value(similarity) FILTER (WHERE sec = 6) AS s6_sibling_similarity,
       any_value(body_id) FILTER (WHERE sec = 6) AS s6_sibling_body_id
FROM r GROUP BY report_id;
