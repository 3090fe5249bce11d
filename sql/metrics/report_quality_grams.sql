-- Step 2 of the sibling search (report_quality_kin.sql): one row per hash of a class in a family
-- section with two classes or more; the key packs the family, the section and the hash into one
-- number.
CREATE OR REPLACE TABLE report_quality_grams AS
SELECT cid, (fam * 8 + sec) << 32 | h AS key, h, len(sample) AS len
FROM (SELECT cid, fam, sec, sample, unnest(sample) AS h FROM report_quality_classes
      WHERE (fam, sec) IN (SELECT fam, sec FROM report_quality_classes GROUP BY ALL HAVING count(*) >= 2));
