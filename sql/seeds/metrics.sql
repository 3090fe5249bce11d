-- Seed: the metric dictionary (data/reference/metrics.csv): each number defined once.
CREATE OR REPLACE TABLE metrics AS
SELECT code, name_zh, name_en, formula, unit, comparable_across_formats::BOOLEAN AS comparable_across_formats,
       nullif(rate_base, '') AS rate_base, nullif(caveats, '') AS caveats, row_number() OVER () AS sort_order
FROM read_csv('{{reference}}/metrics.csv', header = true, all_varchar = true);
