-- The cells each metric is computed from (LIKE patterns over cell codes: the cells column of the
-- metric dictionary, one row per pattern), so that a metric built on a corrected cell is marked
-- corrected (published with a footnote marker). new_growth_yoy and new_growth_cagr also depend on
-- an earlier year's new_received.total (see report_metrics_base).
CREATE OR REPLACE TABLE metric_cells AS
SELECT code AS metric, unnest(regexp_split_to_array(trim(cells), '\s+')) AS cell_like
FROM metrics
WHERE cells IS NOT NULL
ORDER BY sort_order;
