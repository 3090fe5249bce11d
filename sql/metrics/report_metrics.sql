-- report_metrics_base with the small-number flag: a rate over fewer than small_n_threshold() cases
-- (base_n) is small_n and never ranked; computed when queried, so it follows SET VARIABLE small_n.
CREATE OR REPLACE VIEW report_metrics AS
SELECT report_id, body_id, year, format, metric, value, base_n,
       coalesce(base_n < small_n_threshold(), false) AS small_n,
       format_specific, corrected
FROM report_metrics_base;
