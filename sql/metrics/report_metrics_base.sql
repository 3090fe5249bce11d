-- generated from data/reference/metrics.csv by scripts/gen-metric-sql.ts — edit the CSV
-- Every metric of the dictionary for every report, long form, materialized at load time: one line
-- of m per row of metrics.csv, its value_sql and base_sql over metric_inputs (i), and g, the growth
-- of new applications over the previous and the first year, for new_growth_yoy and new_growth_cagr.
CREATE OR REPLACE TABLE report_metrics_base AS
WITH i AS (SELECT * FROM metric_inputs),
first_year AS (
  SELECT body_id, arg_min(new_total, year) AS first_new, min(year) AS first_year FROM i WHERE new_total IS NOT NULL GROUP BY body_id
),
g AS (
  SELECT i.report_id,
    CASE WHEN p.new_total > 0 THEN (i.new_total - p.new_total) / p.new_total END AS yoy,
    CASE WHEN f.first_new > 0 AND i.year > f.first_year THEN pow(i.new_total / f.first_new, 1.0 / (i.year - f.first_year)) - 1 END AS cagr
  FROM i
  LEFT JOIN i p ON p.body_id = i.body_id AND p.year = i.year - 1
  LEFT JOIN first_year f ON f.body_id = i.body_id
),
m(report_id, metric, value, base_n) AS (
  SELECT report_id, 'new_applications', new_total, NULL FROM i
  UNION ALL SELECT report_id, 'applications_handled', handled, NULL FROM i
  UNION ALL SELECT report_id, 'carried_over', carried_over, NULL FROM i
  UNION ALL SELECT report_id, 'carried_forward', carried_forward, NULL FROM i
  UNION ALL SELECT report_id, 'natural_person_share', new_natural / nullif(new_total, 0), new_total FROM i
  UNION ALL SELECT report_id, 'org_share', new_org / nullif(new_total, 0), new_total FROM i
  UNION ALL SELECT report_id, 'new_growth_yoy', g.yoy, NULL FROM i JOIN g USING (report_id)
  UNION ALL SELECT report_id, 'new_growth_cagr', g.cagr, NULL FROM i JOIN g USING (report_id)
  UNION ALL SELECT report_id, 'granted_share', granted / nullif(handled, 0), handled FROM i
  UNION ALL SELECT report_id, 'partly_granted_share', partly_granted / nullif(handled, 0), handled FROM i
  UNION ALL SELECT report_id, 'disclosure_rate', (granted + partly_granted) / nullif(handled, 0), handled FROM i
  UNION ALL SELECT report_id, 'denial_rate', denied / nullif(handled, 0), handled FROM i
  UNION ALL SELECT report_id, 'unable_share', unable / nullif(handled, 0), handled FROM i
  UNION ALL SELECT report_id, 'not_held_share', not_held / nullif(handled, 0), handled FROM i
  UNION ALL SELECT report_id, 'not_processed_rate', not_processed / nullif(handled, 0), handled FROM i
  UNION ALL SELECT report_id, 'other_handling_share', other_handling / nullif(handled, 0), handled FROM i
  UNION ALL SELECT report_id, 'other_no_correction_share', CASE WHEN format = 'f2021' THEN other_no_correction / nullif(handled, 0) END, handled FROM i
  UNION ALL SELECT report_id, 'review_cases', review_total, NULL FROM i
  UNION ALL SELECT report_id, 'review_correction_rate', review_corrected / nullif(review_decided, 0), review_decided FROM i
  UNION ALL SELECT report_id, 'litigation_cases', lit_total, NULL FROM i
  UNION ALL SELECT report_id, 'litigation_correction_rate', lit_corrected / nullif(lit_decided, 0), lit_decided FROM i
  UNION ALL SELECT report_id, 'litigation_per_100', 100.0 * lit_total / nullif(new_total, 0), new_total FROM i
  UNION ALL SELECT report_id, 'regulations_issued', CASE WHEN format = 'f2021' THEN regulations_issued END, NULL FROM i
  UNION ALL SELECT report_id, 'normative_docs_issued', CASE WHEN format = 'f2021' THEN normative_docs_issued END, NULL FROM i
  UNION ALL SELECT report_id, 'normative_docs_in_force', CASE WHEN format = 'f2021' THEN normative_docs_in_force END, NULL FROM i
  UNION ALL SELECT report_id, 'licensing_decisions', licensing_decisions, NULL FROM i
  UNION ALL SELECT report_id, 'penalty_decisions', penalty_decisions, NULL FROM i
  UNION ALL SELECT report_id, 'coercion_decisions', coercion_decisions, NULL FROM i
  UNION ALL SELECT report_id, 'fees_wan_yuan', CASE WHEN format = 'f2021' THEN fees_wan_yuan END, NULL FROM i
  UNION ALL SELECT report_id, 'days_late', days_late, NULL FROM i
),
-- metrics computed from a corrected cell (the cells column of metrics, in metric_cells): of this
-- report, or for the growth metrics of the previous (yoy) or first (cagr) year's new applications
corr AS (
  SELECT DISTINCT cc.report_id, mc.metric FROM corrected_cells cc JOIN metric_cells mc ON cc.cell LIKE mc.cell_like ESCAPE '\'
  UNION
  SELECT i.report_id, x.metric
  FROM i JOIN i p ON p.body_id = i.body_id
  JOIN corrected_cells cc ON cc.report_id = p.report_id AND cc.cell = 't3.new_received.total'
  JOIN first_year f ON f.body_id = i.body_id
  JOIN (VALUES ('new_growth_yoy'), ('new_growth_cagr')) x(metric)
    ON (x.metric = 'new_growth_yoy' AND p.year = i.year - 1) OR (x.metric = 'new_growth_cagr' AND p.year = f.first_year AND i.year > f.first_year)
)
SELECT
  m.report_id, i.body_id, i.year, i.format, m.metric,
  m.value::DOUBLE AS value,
  m.base_n::BIGINT AS base_n,
  NOT md.comparable_across_formats AS format_specific,
  corr.report_id IS NOT NULL AS corrected
FROM m
JOIN i USING (report_id)
JOIN metrics md ON md.code = m.metric
LEFT JOIN corr ON corr.report_id = m.report_id AND corr.metric = m.metric
ORDER BY m.report_id, m.metric;
