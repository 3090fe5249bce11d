-- Seed: the metric dictionary (data/reference/metrics.csv): each number defined once.
CREATE OR REPLACE TABLE metrics AS
SELECT code, name_zh, name_en, formula, unit, comparable_across_formats::BOOLEAN AS comparable_across_formats,
       nullif(rate_base, '') AS rate_base, nullif(caveats, '') AS caveats, row_number() OVER () AS sort_order
FROM read_csv('{{reference}}/metrics.csv', header = true, all_varchar = true);
COMMENT ON TABLE metrics IS 'Metric dictionary: what each number in report_metrics means';
COMMENT ON COLUMN metrics.code IS 'Metric code used in report_metrics.metric';
COMMENT ON COLUMN metrics.name_zh IS 'Chinese name (used as column header in published tables)';
COMMENT ON COLUMN metrics.name_en IS 'English name';
COMMENT ON COLUMN metrics.formula IS 'Definition in canonical cell codes';
COMMENT ON COLUMN metrics.unit IS 'count, share (0..1), per_100 or wan_yuan (10,000 CNY)';
COMMENT ON COLUMN metrics.comparable_across_formats IS 'false when f2019 and f2021 reports measure it differently: such values are never compared across the two';
COMMENT ON COLUMN metrics.rate_base IS 'For rates: the count below which the rate is not ranked (small numbers)';
COMMENT ON COLUMN metrics.caveats IS 'What to keep in mind when reading it';
COMMENT ON COLUMN metrics.sort_order IS 'Order of the dictionary';
