-- Across bodies of one government in the same year (boilerplate shared by departments): each
-- report's sections 一, 五, 六 against the same section of the other bodies with the same parent
-- body (bodies.parent_body_id) and year, its siblings. Comparing every pair is quadratic (a
-- government with 800 reporting departments is 640,000 pairs a section), so pairs are blocked, in
-- the models report_quality_kin, _classes, _grams, _holders, _candidates, _sibling_pairs and
-- _siblings (tables: each step's rows are few beside the pairs it avoids, and no step holds the
-- lists of every report at once):
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
--
-- This first step: one row per report with a parent body and section (1, 5, 6) with a sketch.
CREATE OR REPLACE TABLE report_quality_kin AS
WITH k AS (
  SELECT s.report_id, s.body_id, (dense_rank() OVER (ORDER BY b.parent_body_id, s.year))::UBIGINT AS fam, v.sec, v.sample
  FROM report_quality_sections s JOIN bodies b USING (body_id),
       LATERAL (VALUES (1::UBIGINT, s.k1[1:64]), (5, s.k5[1:64]), (6, s.k6[1:64])) v(sec, sample)
  WHERE b.parent_body_id IS NOT NULL AND len(v.sample) > 0
)
SELECT *, hash(fam, sec, sample) AS cid, count(*) OVER (PARTITION BY fam, sec) - 1 AS others FROM k;
