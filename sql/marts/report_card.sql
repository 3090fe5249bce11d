-- One row per report: who (body, level in code and Chinese, region, parent, province), when, the
-- format, every metric under its code with its base and small-number flag, and the data quality.
-- small_n is computed here from the base, so it follows SET VARIABLE small_n like report_metrics.
CREATE OR REPLACE VIEW report_card AS
SELECT r.report_id, r.body_id, b.name AS body, b.level, level_zh(b.level) AS level_zh,
       b.region_code, reg.full_name AS region, reg.province, b.parent_body_id, p.name AS parent,
       r.year, r.format, r.extract_status,
       m.* EXCLUDE (report_id),
       r.n_failed_checks,
       (SELECT string_agg(c.rule || ' ' || c.scope, '; ' ORDER BY c.rule, c.scope) FROM check_results c
        WHERE c.report_id = r.report_id AND c.status = 'fail') AS failed_checks,
       r.n_flags,
       (SELECT string_agg(f.reason || ' ' || f.cell, '; ' ORDER BY f.cell, f.reason) FROM flags f
        WHERE f.report_id = r.report_id) AS flags,
       r.source_path,
       coalesce(r.source_page_url, r.source_url, r.source_path) AS source
FROM reports r
JOIN bodies b USING (body_id)
LEFT JOIN bodies p ON p.body_id = b.parent_body_id
LEFT JOIN regions reg ON reg.code = b.region_code
LEFT JOIN (
  SELECT report_id,
         COLUMNS('^(.*)_v$') AS '\1',
         COLUMNS('^(.*)_base$'),
         coalesce(COLUMNS('^(.*)_base$') < small_n_threshold(), false) AS '\1_small_n'
  FROM report_card_metrics
) m USING (report_id);
