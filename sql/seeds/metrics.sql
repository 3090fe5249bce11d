-- Seed: the metric dictionary (data/reference/metrics.csv): each number defined once. The SQL of
-- report_metrics_base and of the marts is generated from the same rows (scripts/gen-metric-sql.ts);
-- metric_cells reads the cells column from here.
CREATE OR REPLACE TABLE metrics AS
SELECT code, name_zh, name_en, formula, unit, comparable_across_formats::BOOLEAN AS comparable_across_formats,
       nullif(rate_base, '') AS rate_base, nullif(caveats, '') AS caveats, row_number() OVER () AS sort_order,
       value_sql, nullif(base_sql, '') AS base_sql, nullif(formats, '') AS formats, nullif(cells, '') AS cells,
       nullif(tables, '') AS tables, nullif(views, '') AS views
FROM read_csv('{{reference}}/metrics.csv', header = true, all_varchar = true);
