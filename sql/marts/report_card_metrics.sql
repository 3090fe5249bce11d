-- Every metric of every report pivoted wide, one row per report, for report_card. A view cannot
-- PIVOT on values read from the data, so this is materialized at load. The metric columns come from
-- the metric dictionary (metrics, in its order): a metric added to data/reference/metrics.csv and
-- report_metrics appears here without editing this file.
CREATE OR REPLACE TABLE report_card_metrics AS
PIVOT (SELECT report_id, metric, value, base_n FROM report_metrics_base)
ON metric IN (SELECT code FROM metrics ORDER BY sort_order)
USING first(value) AS v, first(base_n) AS base
GROUP BY report_id
ORDER BY report_id;
