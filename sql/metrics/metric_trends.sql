-- Each body's series over the years: value, change from the previous year and change of rank.
-- A missing year is a gap: the change across it is NULL. Format-specific metrics do not
-- change across a switch between f2019 and f2021 (NULL, format_change = true).
CREATE OR REPLACE VIEW metric_trends AS
SELECT r.group_id, r.group_name, r.body_id, r.metric, r.year, r.format, r.value, r.rank, r.small_n,
  p.value AS previous_value,
  coalesce(r.format_specific AND p.format <> r.format, false) AS format_change,
  CASE WHEN NOT coalesce(r.format_specific AND p.format <> r.format, false) THEN r.value - p.value END AS change,
  CASE WHEN NOT coalesce(r.format_specific AND p.format <> r.format, false) AND p.value <> 0 THEN (r.value - p.value) / p.value END AS relative_change,
  p.rank - r.rank AS rank_change
FROM metric_rankings r
LEFT JOIN metric_rankings p ON p.group_id = r.group_id AND p.body_id = r.body_id AND p.metric = r.metric AND p.year = r.year - 1;
