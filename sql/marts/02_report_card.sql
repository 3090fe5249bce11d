-- One row per report: who (body, level in code and Chinese, region, parent, province), when, the
-- format, every metric under its code with its base and small-number flag, and the data quality.
-- The metric columns come from the metric dictionary (metrics, in its order): a metric added to
-- data/reference/metrics.csv and report_metrics appears here without editing this file.
--
-- A view cannot PIVOT on values read from the data, so the wide metrics are materialized at load
-- (report_card_metrics); small_n is computed in the view from the base, so it follows
-- SET VARIABLE small_n like report_metrics.
CREATE OR REPLACE TABLE report_card_metrics AS
PIVOT (SELECT report_id, metric, value, base_n FROM report_metrics_base)
ON metric IN (SELECT code FROM metrics ORDER BY sort_order)
USING first(value) AS v, first(base_n) AS base
GROUP BY report_id
ORDER BY report_id;

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
