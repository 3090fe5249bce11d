-- The quality of each report itself (国办公开办函〔2021〕30号 names 内容雷同、敷衍塞责 a failing):
-- completeness, text carried over from the same body's previous report, text shared with the
-- bodies of the same government, checks against the tables and the prose, timeliness. One row per
-- report, put together from the steps report_quality_sections (completeness, sketches,
-- sentences), report_quality_pairs (against the previous year), report_quality_siblings and
-- report_quality_sibling_sentences (against the siblings, report_quality_kin.sql).
--
-- Similarity: section texts with digits folded to '#' and spaces removed (fold_text: a copied
-- paragraph with this year's numbers is still copied), as sets of character 5-grams; Jaccard =
-- |A∩B| / |A∪B| against the same section of the same body's report of the year before (NULL when
-- there is none), estimated from the bottom-256 sketches made at extraction
-- (extracted_sections.sketch, pipeline/extract/sketch.ts): of the 256 smallest hashes of the
-- union, the share found in both (sketch_jaccard; exact when the sections have fewer than 256
-- distinct 5-grams).
-- Carried-over sentences: sentences (split at 。！？；and line breaks, folded the same way, at least
-- 8 characters; sentence_hashes) of sections 一, 五 and 六 that appear unchanged in the previous
-- report, as a share.
CREATE OR REPLACE TABLE report_quality AS
WITH checks AS (
  SELECT report_id,
         count(*) FILTER (WHERE status = 'fail' AND rule LIKE 'V%') AS n_failed_table_checks,
         count(*) FILTER (WHERE status = 'fail' AND rule LIKE 'P%') AS n_prose_mismatches
  FROM check_results GROUP BY report_id
)
SELECT
  f.report_id, f.body_id, f.year,
  f.sections_present,
  f.missing_sections,
  f.s5_empty,
  f.s6_empty,
  f.report_id IN (SELECT report_id FROM t2_cells) AS has_t2,
  f.report_id IN (SELECT report_id FROM t3_cells) AS has_t3,
  f.report_id IN (SELECT report_id FROM t4_cells) AS has_t4,
  p.previous_year,
  p.s1_similarity,
  p.s5_similarity,
  p.s6_similarity,
  p.sentences_carried_share,
  len(f.sent) AS n_sentences,
  ss.n_siblings,
  sib.s1_sibling_similarity,
  sib.s1_sibling_body_id,
  sib.s5_sibling_similarity,
  sib.s5_sibling_body_id,
  sib.s6_sibling_similarity,
  sib.s6_sibling_body_id,
  ss.sentences_shared_share,
  coalesce(k.n_failed_table_checks, 0) AS n_failed_table_checks,
  coalesce(k.n_prose_mismatches, 0) AS n_prose_mismatches,
  t.timeliness,
  t.days_late
FROM report_quality_sections f
LEFT JOIN report_quality_pairs p USING (report_id)
LEFT JOIN report_quality_siblings sib USING (report_id)
LEFT JOIN report_quality_sibling_sentences ss USING (report_id)
LEFT JOIN checks k USING (report_id)
LEFT JOIN report_timeliness t ON t.report_id = f.report_id
ORDER BY f.report_id;
