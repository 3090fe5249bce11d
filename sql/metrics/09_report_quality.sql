-- The quality of each report itself (国办公开办函〔2021〕30号 names 内容雷同、敷衍塞责 a failing):
-- completeness, text carried over from the same body's previous report, checks against the tables
-- and the prose, timeliness. One row per report.
--
-- Similarity: section texts with digits folded to '#' and spaces removed (a copied paragraph with
-- this year's numbers is still copied), as sets of character 5-grams; Jaccard = |A∩B| / |A∪B| against
-- the same section of the same body's report of the year before (NULL when there is none),
-- estimated from the bottom-256 sketches made at extraction (extracted_sections.sketch,
-- pipeline/extract/sketch.ts): of the 256 smallest hashes of the union, the share found in both
-- (exact when the sections have fewer than 256 distinct 5-grams).
-- Carried-over sentences: sentences (split at 。！？；and line breaks, folded the same way, at least
-- 8 characters) of sections 一, 五 and 六 that appear unchanged in the previous report, as a share.
CREATE OR REPLACE MACRO fold_text(t) AS regexp_replace(regexp_replace(coalesce(t, ''), '[0-9]+', '#', 'g'), '\s+', '', 'g');
CREATE OR REPLACE MACRO sentences(t) AS
  list_distinct(list_filter(list_transform(regexp_split_to_array(coalesce(t, ''), '[。！？!?；;\n]+'), s -> fold_text(s)), s -> length(s) >= 8));
-- the bottom-k estimate of the Jaccard similarity of two sets from their sketches
CREATE OR REPLACE MACRO sketch_jaccard(a, b) AS
  CASE WHEN len(coalesce(a, [])) = 0 AND len(coalesce(b, [])) = 0 THEN NULL
       ELSE len(list_filter(list_slice(list_sort(list_distinct(list_concat(coalesce(a, []), coalesce(b, [])))), 1, 256),
                            h -> list_contains(a, h) AND list_contains(b, h)))
            / least(256, len(list_distinct(list_concat(coalesce(a, []), coalesce(b, []))))) END;
-- 五 / 六 empty or only 无 (暂无, 没有, 无其他需要报告的事项 …)
CREATE OR REPLACE MACRO empty_section(t) AS
  length(regexp_replace(regexp_replace(coalesce(t, ''), '[\s。.,，:：、（）()]', '', 'g'), '^(无|暂无|没有|本年度无|无其他需要报告的事项|无需要报告的事项|无其他事项)$', '')) = 0;

-- Built in steps through temporary tables, so that no step holds lists for every report at once
-- (5-gram sets built here ran out of the 320 MB memory limit at 10,000 reports).
CREATE OR REPLACE TEMP TABLE rq_sections AS
SELECT r.report_id, r.body_id, r.year,
       count(*) FILTER (WHERE x.found) AS sections_present,
       string_agg(CASE WHEN NOT x.found THEN map {'s1.overview': '一', 's2.proactive': '二', 's3.requests': '三', 's4.review_litigation': '四', 's5.problems': '五', 's6.other': '六'}[x.section] END, '' ORDER BY x.section) AS missing_sections,
       any_value(x.text) FILTER (WHERE x.section = 's1.overview') AS s1,
       any_value(x.text) FILTER (WHERE x.section = 's5.problems') AS s5,
       any_value(x.text) FILTER (WHERE x.section = 's6.other') AS s6,
       any_value(x.sketch) FILTER (WHERE x.section = 's1.overview') AS k1,
       any_value(x.sketch) FILTER (WHERE x.section = 's5.problems') AS k5,
       any_value(x.sketch) FILTER (WHERE x.section = 's6.other') AS k6,
       bool_or(x.found) FILTER (WHERE x.section = 's5.problems') AS s5_found,
       bool_or(x.found) FILTER (WHERE x.section = 's6.other') AS s6_found
FROM reports r LEFT JOIN extracted_sections x USING (document_id)
GROUP BY ALL;

-- each report against the same body's report of the year before: similarities and the share of
-- sentences carried over, computed pair by pair (the lists are never stored)
CREATE OR REPLACE TEMP TABLE rq_pairs AS
WITH p AS (
  SELECT c.report_id, p.year AS previous_year,
         sketch_jaccard(c.k1, p.k1) AS s1_similarity,
         sketch_jaccard(c.k5, p.k5) AS s5_similarity,
         sketch_jaccard(c.k6, p.k6) AS s6_similarity,
         list_concat(sentences(c.s1), sentences(c.s5), sentences(c.s6)) AS sent,
         list_concat(sentences(p.s1), sentences(p.s5), sentences(p.s6)) AS prev_sent
  FROM rq_sections c JOIN rq_sections p ON p.body_id = c.body_id AND p.year = c.year - 1
)
SELECT report_id, previous_year, s1_similarity, s5_similarity, s6_similarity,
       CASE WHEN len(sent) > 0 THEN len(list_intersect(sent, prev_sent)) / len(sent) END AS sentences_carried_share
FROM p;

CREATE OR REPLACE TABLE report_quality AS
WITH checks AS (
  SELECT report_id,
         count(*) FILTER (WHERE status = 'fail' AND rule LIKE 'V%') AS n_failed_table_checks,
         count(*) FILTER (WHERE status = 'fail' AND rule LIKE 'P%') AS n_prose_mismatches
  FROM check_results GROUP BY report_id
)
SELECT
  f.report_id, f.body_id, f.year,
  coalesce(f.sections_present, 0) AS sections_present,
  nullif(f.missing_sections, '') AS missing_sections,
  CASE WHEN f.s5_found THEN empty_section(f.s5) END AS s5_empty,
  CASE WHEN f.s6_found THEN empty_section(f.s6) END AS s6_empty,
  f.report_id IN (SELECT report_id FROM t2_cells) AS has_t2,
  f.report_id IN (SELECT report_id FROM t3_cells) AS has_t3,
  f.report_id IN (SELECT report_id FROM t4_cells) AS has_t4,
  p.previous_year,
  p.s1_similarity,
  p.s5_similarity,
  p.s6_similarity,
  p.sentences_carried_share,
  len(list_concat(sentences(f.s1), sentences(f.s5), sentences(f.s6))) AS n_sentences,
  coalesce(k.n_failed_table_checks, 0) AS n_failed_table_checks,
  coalesce(k.n_prose_mismatches, 0) AS n_prose_mismatches,
  t.timeliness,
  t.days_late
FROM rq_sections f
LEFT JOIN rq_pairs p USING (report_id)
LEFT JOIN checks k USING (report_id)
LEFT JOIN report_timeliness t ON t.report_id = f.report_id
ORDER BY f.report_id;

DROP TABLE rq_pairs;
DROP TABLE rq_sections;

-- Published: per peer group, body and year, ranked within the group by the share of sentences
-- carried over (1 = most copied; NULL without a previous report, not ranked).
CREATE OR REPLACE VIEW report_quality_ranked AS
SELECT g.group_id, g.group_name, g.kind AS group_kind, q.*,
       CASE WHEN q.sentences_carried_share IS NOT NULL
            THEN rank() OVER (PARTITION BY g.group_id, q.year, q.sentences_carried_share IS NOT NULL ORDER BY q.sentences_carried_share DESC) END AS carried_rank,
       count(q.sentences_carried_share) OVER (PARTITION BY g.group_id, q.year) AS carried_ranked_of
FROM report_quality q JOIN peer_groups g USING (body_id);
