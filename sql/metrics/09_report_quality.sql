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
-- a section's distinct sentences as 64-bit hashes: the text folded as fold_text() but keeping its
-- line breaks (RE2's \s is [\t\n\f\r ]), split at 。！？；and line breaks, at least 8 characters
-- (the same sentences as splitting first and folding each, in one pass over the text)
CREATE OR REPLACE MACRO sentence_hashes(t) AS
  list_distinct(list_transform(list_filter(
    regexp_split_to_array(regexp_replace(regexp_replace(coalesce(t, ''), '[0-9]+', '#', 'g'), '[\t\f\r ]+', '', 'g'), '[。！？!?；;\n]+'),
    s -> length(s) >= 8), s -> hash(s)));
-- the bottom-k estimate of the Jaccard similarity of two sets from their sketches a and b, given
-- u = the 256 smallest hashes of their union (sorted): the share of u found in both (the shared
-- hashes up to u's last); NULL when both are empty
CREATE OR REPLACE MACRO sketch_jaccard(a, b, u) AS
  CASE WHEN len(u) > 0 THEN len(list_filter(list_intersect(a, b), h -> h <= u[len(u)])) / len(u) END;
CREATE OR REPLACE MACRO sketch_union(a, b) AS list_sort(list_distinct(list_concat(coalesce(a, []), coalesce(b, []))))[1:256];
-- 五 / 六 empty or only 无 (暂无, 没有, 无其他需要报告的事项 …)
CREATE OR REPLACE MACRO empty_section(t) AS
  length(regexp_replace(regexp_replace(coalesce(t, ''), '[\s。.,，:：、（）()]', '', 'g'), '^(无|暂无|没有|本年度无|无其他需要报告的事项|无需要报告的事项|无其他事项)$', '')) = 0;

-- Built in steps through temporary tables, so that no step holds lists for every report at once
-- (5-gram sets built here ran out of the 320 MB memory limit at 10,000 reports).
CREATE OR REPLACE TEMP TABLE rq_sections AS
-- sent: the sentences of 一, 五 and 六 once, as hashes (small lists, compared below against the
-- previous year's and the siblings')
SELECT *, list_concat(sentence_hashes(s1), sentence_hashes(s5), sentence_hashes(s6)) AS sent FROM (
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
GROUP BY ALL);

-- each report against the same body's report of the year before: similarities and the share of
-- sentences carried over, computed pair by pair (the lists are never stored)
CREATE OR REPLACE TEMP TABLE rq_pairs AS
WITH u AS (
  SELECT c.report_id, p.year AS previous_year, c.k1, p.k1 AS p1, c.k5, p.k5 AS p5, c.k6, p.k6 AS p6,
         sketch_union(c.k1, p.k1) AS u1, sketch_union(c.k5, p.k5) AS u5, sketch_union(c.k6, p.k6) AS u6,
         c.sent, p.sent AS prev_sent
  FROM rq_sections c JOIN rq_sections p ON p.body_id = c.body_id AND p.year = c.year - 1
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

-- Across bodies of one government in the same year (boilerplate shared by departments): each
-- report's sections 一, 五, 六 against the same section of the other bodies with the same parent
-- body (bodies.parent_body_id) and year, its siblings. Comparing every pair is quadratic (a
-- government with 800 reporting departments is 640,000 pairs a section), so pairs are blocked:
--  1. a section's sample is the 64 smallest hashes of its sketch (itself a bottom-64 sketch);
--     identical samples within a family form one class, and every member of a class of two or
--     more has a sibling with the same text (similarity 1);
--  2. an inverted index of the classes' hashes per family and section keeps, for each hash, its
--     number of holders and at most 16 of them (those with the smallest hash of their class id:
--     the same order for every hash, so a class holding many of a text's hashes is kept for all);
--  3. each class votes for the classes kept under its hashes; the 3 with the most votes relative
--     to their size (votes / (|A| + |B| - votes)) and the 3 with the most votes from hashes that
--     no more than 17 classes hold (what is distinctive) are the candidates;
--  4. each candidate is measured: with tau the smaller of the two samples' 64th hash (or no limit
--     for a sample of fewer than 64), Jaccard = shared hashes <= tau / all hashes <= tau of either.
-- So the similarity is that of a real pair (never more than the true highest), estimated from 64
-- hashes (about ±0.06 around 0.5; exact for a section under 64 distinct 5-grams); the search
-- misses the best pair only when its texts share hashes with many other classes (see README).
-- Linear in the number of reports and hashes: no step pairs more than a bounded number per class.
CREATE OR REPLACE TEMP TABLE rq_kin AS
WITH k AS (
  SELECT s.report_id, s.body_id, (dense_rank() OVER (ORDER BY b.parent_body_id, s.year))::UBIGINT AS fam, v.sec, v.sample
  FROM rq_sections s JOIN bodies b USING (body_id),
       LATERAL (VALUES (1::UBIGINT, s.k1[1:64]), (5, s.k5[1:64]), (6, s.k6[1:64])) v(sec, sample)
  WHERE b.parent_body_id IS NOT NULL AND len(v.sample) > 0
)
SELECT *, hash(fam, sec, sample) AS cid, count(*) OVER (PARTITION BY fam, sec) - 1 AS others FROM k;

CREATE OR REPLACE TEMP TABLE rq_classes AS
SELECT cid, any_value(fam) AS fam, any_value(sec) AS sec, any_value(sample) AS sample, count(*) AS m,
       min_by(body_id, body_id, 2) AS bodies
FROM rq_kin GROUP BY cid;

-- one row per hash of a class in a family section with two classes or more; the key packs the
-- family, the section and the hash into one number
CREATE OR REPLACE TEMP TABLE rq_grams AS
SELECT cid, (fam * 8 + sec) << 32 | h AS key, h, len(sample) AS len
FROM (SELECT cid, fam, sec, sample, unnest(sample) AS h FROM rq_classes
      WHERE (fam, sec) IN (SELECT fam, sec FROM rq_classes GROUP BY ALL HAVING count(*) >= 2));

CREATE OR REPLACE TEMP TABLE rq_holders AS
SELECT key, count(*) AS n, min_by(cid, hash(cid), 16) AS kept FROM rq_grams GROUP BY key HAVING count(*) >= 2;

CREATE OR REPLACE TEMP TABLE rq_candidates AS
WITH v AS (
  SELECT g.cid, o AS other, any_value(g.len) AS len, count(*) AS votes, count(*) FILTER (WHERE h.n <= 17) AS rare
  FROM rq_grams g JOIN rq_holders h USING (key), unnest(h.kept) t(o)
  WHERE o <> g.cid
  GROUP BY ALL
), s AS (
  SELECT v.cid, v.other, v.rare, v.votes / (v.len + len(c.sample) - v.votes) AS score
  FROM v JOIN rq_classes c ON c.cid = v.other
)
SELECT cid, unnest(list_distinct(list_concat(max_by(other, {'s': score, 'o': other}, 3), max_by(other, {'r': rare + score, 'o': other}, 3)))) AS other
FROM s GROUP BY cid;

CREATE OR REPLACE TEMP TABLE rq_sibling_pairs AS
WITH t AS (SELECT cid, CASE WHEN len(sample) = 64 THEN sample[64] ELSE 4294967295 END AS tau FROM rq_classes),
p AS (SELECT c.cid, c.other, least(ta.tau, tb.tau) AS tau FROM rq_candidates c JOIN t ta USING (cid) JOIN t tb ON tb.cid = c.other),
a AS (SELECT p.cid, p.other, count(*) AS na, count(o.h) AS shared
      FROM p JOIN rq_grams g ON g.cid = p.cid AND g.h <= p.tau
      LEFT JOIN rq_grams o ON o.cid = p.other AND o.h = g.h
      GROUP BY ALL),
b AS (SELECT p.cid, p.other, count(*) AS nb FROM p JOIN rq_grams g ON g.cid = p.other AND g.h <= p.tau GROUP BY ALL)
SELECT a.cid, c.bodies[1] AS body_id, a.shared / (a.na + b.nb - a.shared) AS similarity
FROM a JOIN b USING (cid, other) JOIN rq_classes c ON c.cid = a.other
QUALIFY row_number() OVER (PARTITION BY a.cid ORDER BY similarity DESC, body_id) = 1;

-- per report and section: 1 and another member when its class has two members or more, else the
-- best candidate; 0 (and no body) when siblings have the section but none shares a sampled hash
CREATE OR REPLACE TEMP TABLE rq_siblings AS
WITH r AS (
  SELECT k.report_id, k.sec,
         CASE WHEN c.m >= 2 THEN 1 WHEN e.similarity IS NOT NULL THEN e.similarity WHEN k.others > 0 THEN 0 END AS similarity,
         CASE WHEN c.m >= 2 THEN list_filter(c.bodies, x -> x <> k.body_id)[1] WHEN e.similarity > 0 THEN e.body_id END AS body_id
  FROM rq_kin k JOIN rq_classes c USING (cid) LEFT JOIN rq_sibling_pairs e USING (cid)
)
SELECT report_id,
       any_value(similarity) FILTER (WHERE sec = 1) AS s1_sibling_similarity,
       any_value(body_id) FILTER (WHERE sec = 1) AS s1_sibling_body_id,
       any_value(similarity) FILTER (WHERE sec = 5) AS s5_sibling_similarity,
       any_value(body_id) FILTER (WHERE sec = 5) AS s5_sibling_body_id,
       any_value(similarity) FILTER (WHERE sec = 6) AS s6_sibling_similarity,
       any_value(body_id) FILTER (WHERE sec = 6) AS s6_sibling_body_id
FROM r GROUP BY report_id;

-- siblings, and the share of a report's distinct sentences (一, 五, 六, folded as above) that a
-- sibling's report of the same year also has: a count per family and sentence, so linear
CREATE OR REPLACE TEMP TABLE rq_sibling_sentences AS
WITH f AS (
  SELECT s.report_id, b.parent_body_id AS parent, s.year,
         list_distinct(s.sent) AS sent,
         count(*) OVER (PARTITION BY b.parent_body_id, s.year) - 1 AS n_siblings
  FROM rq_sections s JOIN bodies b USING (body_id)
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
FROM rq_sections f
LEFT JOIN rq_pairs p USING (report_id)
LEFT JOIN rq_siblings sib USING (report_id)
LEFT JOIN rq_sibling_sentences ss USING (report_id)
LEFT JOIN checks k USING (report_id)
LEFT JOIN report_timeliness t ON t.report_id = f.report_id
ORDER BY f.report_id;

DROP TABLE rq_pairs;
DROP TABLE rq_sibling_sentences;
DROP TABLE rq_siblings;
DROP TABLE rq_sibling_pairs;
DROP TABLE rq_candidates;
DROP TABLE rq_holders;
DROP TABLE rq_grams;
DROP TABLE rq_classes;
DROP TABLE rq_kin;
DROP TABLE rq_sections;

-- Published: per peer group, body and year, ranked within the group by the share of sentences
-- carried over (1 = most copied; NULL without a previous report, not ranked).
CREATE OR REPLACE VIEW report_quality_ranked AS
SELECT g.group_id, g.group_name, g.kind AS group_kind, q.*,
       CASE WHEN q.sentences_carried_share IS NOT NULL
            THEN rank() OVER (PARTITION BY g.group_id, q.year, q.sentences_carried_share IS NOT NULL ORDER BY q.sentences_carried_share DESC) END AS carried_rank,
       count(q.sentences_carried_share) OVER (PARTITION BY g.group_id, q.year) AS carried_ranked_of
FROM report_quality q JOIN peer_groups g USING (body_id);
