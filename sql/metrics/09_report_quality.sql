-- The quality of each report itself (国办公开办函〔2021〕30号 names 内容雷同、敷衍塞责 a failing):
-- completeness, text carried over from the same body's previous report, checks against the tables
-- and the prose, timeliness. One row per report.
--
-- Similarity: section texts with digits folded to '#' and spaces removed (a copied paragraph with
-- this year's numbers is still copied), as sets of character 5-grams; Jaccard = |A∩B| / |A∪B| against
-- the same section of the same body's report of the year before (NULL when there is none).
-- Carried-over sentences: sentences (split at 。！？；and line breaks, folded the same way, at least
-- 8 characters) of sections 一, 五 and 六 that appear unchanged in the previous report, as a share.
CREATE OR REPLACE MACRO fold_text(t) AS regexp_replace(regexp_replace(coalesce(t, ''), '[0-9]+', '#', 'g'), '\s+', '', 'g');
-- over a text already folded (the fold is computed once per section, not once per position)
CREATE OR REPLACE MACRO shingles(folded) AS
  CASE WHEN length(folded) >= 5 THEN list_distinct(list_transform(range(1, length(folded) - 3), i -> substr(folded, i, 5))) ELSE [] END;
CREATE OR REPLACE MACRO sentences(t) AS
  list_distinct(list_filter(list_transform(regexp_split_to_array(coalesce(t, ''), '[。！？!?；;\n]+'), s -> fold_text(s)), s -> length(s) >= 8));
CREATE OR REPLACE MACRO jaccard(a, b) AS
  CASE WHEN len(a) = 0 AND len(b) = 0 THEN NULL ELSE len(list_intersect(a, b)) / len(list_distinct(list_concat(a, b))) END;
-- 五 / 六 empty or only 无 (暂无, 没有, 无其他需要报告的事项 …)
CREATE OR REPLACE MACRO empty_section(t) AS
  length(regexp_replace(regexp_replace(coalesce(t, ''), '[\s。.,，:：、（）()]', '', 'g'), '^(无|暂无|没有|本年度无|无其他需要报告的事项|无需要报告的事项|无其他事项)$', '')) = 0;

CREATE OR REPLACE TABLE report_quality AS
WITH s AS (
  SELECT r.report_id, r.body_id, r.year,
         count(*) FILTER (WHERE x.found) AS sections_present,
         string_agg(CASE WHEN NOT x.found THEN map {'s1.overview': '一', 's2.proactive': '二', 's3.requests': '三', 's4.review_litigation': '四', 's5.problems': '五', 's6.other': '六'}[x.section] END, '' ORDER BY x.section) AS missing_sections,
         any_value(x.text) FILTER (WHERE x.section = 's1.overview') AS s1,
         any_value(x.text) FILTER (WHERE x.section = 's5.problems') AS s5,
         any_value(x.text) FILTER (WHERE x.section = 's6.other') AS s6,
         bool_or(x.found) FILTER (WHERE x.section = 's5.problems') AS s5_found,
         bool_or(x.found) FILTER (WHERE x.section = 's6.other') AS s6_found
  FROM reports r LEFT JOIN extracted_sections x USING (document_id)
  GROUP BY ALL
),
folded AS (
  SELECT *, fold_text(s1) AS f1, fold_text(s5) AS f5, fold_text(s6) AS f6 FROM s
),
f AS (
  SELECT *, shingles(f1) AS g1, shingles(f5) AS g5, shingles(f6) AS g6,
         list_concat(sentences(s1), sentences(s5), sentences(s6)) AS sent
  FROM folded
)
SELECT
  f.report_id, f.body_id, f.year,
  coalesce(f.sections_present, 0) AS sections_present,
  nullif(f.missing_sections, '') AS missing_sections,
  CASE WHEN f.s5_found THEN empty_section(f.s5) END AS s5_empty,
  CASE WHEN f.s6_found THEN empty_section(f.s6) END AS s6_empty,
  EXISTS (SELECT 1 FROM t2_cells c WHERE c.report_id = f.report_id) AS has_t2,
  EXISTS (SELECT 1 FROM t3_cells c WHERE c.report_id = f.report_id) AS has_t3,
  EXISTS (SELECT 1 FROM t4_cells c WHERE c.report_id = f.report_id) AS has_t4,
  p.year AS previous_year,
  CASE WHEN p.report_id IS NOT NULL THEN jaccard(f.g1, p.g1) END AS s1_similarity,
  CASE WHEN p.report_id IS NOT NULL THEN jaccard(f.g5, p.g5) END AS s5_similarity,
  CASE WHEN p.report_id IS NOT NULL THEN jaccard(f.g6, p.g6) END AS s6_similarity,
  CASE WHEN p.report_id IS NOT NULL AND len(f.sent) > 0 THEN len(list_intersect(f.sent, p.sent)) / len(f.sent) END AS sentences_carried_share,
  len(f.sent) AS n_sentences,
  (SELECT count(*) FROM check_results c WHERE c.report_id = f.report_id AND c.status = 'fail' AND c.rule LIKE 'V%') AS n_failed_table_checks,
  (SELECT count(*) FROM check_results c WHERE c.report_id = f.report_id AND c.status = 'fail' AND c.rule LIKE 'P%') AS n_prose_mismatches,
  t.timeliness,
  t.days_late
FROM f
LEFT JOIN f p ON p.body_id = f.body_id AND p.year = f.year - 1
LEFT JOIN report_timeliness t ON t.report_id = f.report_id;

-- Published: per peer group, body and year, ranked within the group by the share of sentences
-- carried over (1 = most copied; NULL without a previous report, not ranked).
CREATE OR REPLACE VIEW report_quality_ranked AS
SELECT g.group_id, g.group_name, g.kind AS group_kind, q.*,
       CASE WHEN q.sentences_carried_share IS NOT NULL
            THEN rank() OVER (PARTITION BY g.group_id, q.year, q.sentences_carried_share IS NOT NULL ORDER BY q.sentences_carried_share DESC) END AS carried_rank,
       count(q.sentences_carried_share) OVER (PARTITION BY g.group_id, q.year) AS carried_ranked_of
FROM report_quality q JOIN peer_groups g USING (body_id);
