-- report_quality's first step, one row per report: which sections were found, whether 五 and 六
-- are empty, the sketches of sections 一, 五 and 六 (extracted_sections.sketch) and their
-- sentences once, as hashes (small lists, compared by report_quality_pairs against the previous
-- year's and by report_quality_sibling_sentences against the siblings'). A table: it is read by
-- four models, and holding its lists for every report inside one query ran out of the 320 MB
-- memory limit at 10,000 reports.
CREATE OR REPLACE TABLE report_quality_sections AS
SELECT report_id, body_id, year,
       coalesce(sections_present, 0) AS sections_present,
       nullif(missing_sections, '') AS missing_sections,
       CASE WHEN s5_found THEN empty_section(s5) END AS s5_empty,
       CASE WHEN s6_found THEN empty_section(s6) END AS s6_empty,
       k1, k5, k6,
       list_concat(sentence_hashes(s1), sentence_hashes(s5), sentence_hashes(s6)) AS sent
FROM (
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
