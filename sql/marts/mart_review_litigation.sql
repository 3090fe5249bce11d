-- generated from data/reference/metrics.csv by scripts/gen-metric-sql.ts — edit the CSV
-- A published comparison table (复议诉讼: administrative review and litigation): one row per peer group, body and year;
-- for each metric its value, rank in the group (NULL when not ranked), how many were ranked, and
-- whether the rate rests on too few cases (small_n). `xxgk publish` selects a year and a group.
-- Its metrics are the rows of metrics.csv whose tables column names review_litigation, in their order.
CREATE OR REPLACE VIEW mart_review_litigation AS
SELECT group_id, group_name, group_kind, year, body_id, body, level, region_code, format,
  max(value) FILTER (WHERE metric = 'review_cases') AS review_cases,
  max(rank) FILTER (WHERE metric = 'review_cases') AS review_cases_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'review_cases') AS review_cases_of,
  bool_or(small_n) FILTER (WHERE metric = 'review_cases') AS review_cases_small_n,
  max(value) FILTER (WHERE metric = 'review_correction_rate') AS review_correction_rate,
  max(rank) FILTER (WHERE metric = 'review_correction_rate') AS review_correction_rate_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'review_correction_rate') AS review_correction_rate_of,
  bool_or(small_n) FILTER (WHERE metric = 'review_correction_rate') AS review_correction_rate_small_n,
  max(value) FILTER (WHERE metric = 'litigation_cases') AS litigation_cases,
  max(rank) FILTER (WHERE metric = 'litigation_cases') AS litigation_cases_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'litigation_cases') AS litigation_cases_of,
  bool_or(small_n) FILTER (WHERE metric = 'litigation_cases') AS litigation_cases_small_n,
  max(value) FILTER (WHERE metric = 'litigation_correction_rate') AS litigation_correction_rate,
  max(rank) FILTER (WHERE metric = 'litigation_correction_rate') AS litigation_correction_rate_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'litigation_correction_rate') AS litigation_correction_rate_of,
  bool_or(small_n) FILTER (WHERE metric = 'litigation_correction_rate') AS litigation_correction_rate_small_n,
  max(value) FILTER (WHERE metric = 'litigation_per_100') AS litigation_per_100,
  max(rank) FILTER (WHERE metric = 'litigation_per_100') AS litigation_per_100_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'litigation_per_100') AS litigation_per_100_of,
  bool_or(small_n) FILTER (WHERE metric = 'litigation_per_100') AS litigation_per_100_small_n
FROM mart_long
GROUP BY ALL;
