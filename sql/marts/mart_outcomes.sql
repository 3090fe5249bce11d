-- generated from data/reference/metrics.csv by scripts/gen-metric-sql.ts — edit the CSV
-- A published comparison table (办理结果: how applications were answered): one row per peer group, body and year;
-- for each metric its value, rank in the group (NULL when not ranked), how many were ranked, and
-- whether the rate rests on too few cases (small_n). `xxgk publish` selects a year and a group.
-- Its metrics are the rows of metrics.csv whose tables column names outcomes, in their order.
CREATE OR REPLACE VIEW mart_outcomes AS
SELECT group_id, group_name, group_kind, year, body_id, body, level, region_code, format,
  max(value) FILTER (WHERE metric = 'applications_handled') AS applications_handled,
  max(rank) FILTER (WHERE metric = 'applications_handled') AS applications_handled_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'applications_handled') AS applications_handled_of,
  bool_or(small_n) FILTER (WHERE metric = 'applications_handled') AS applications_handled_small_n,
  max(value) FILTER (WHERE metric = 'disclosure_rate') AS disclosure_rate,
  max(rank) FILTER (WHERE metric = 'disclosure_rate') AS disclosure_rate_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'disclosure_rate') AS disclosure_rate_of,
  bool_or(small_n) FILTER (WHERE metric = 'disclosure_rate') AS disclosure_rate_small_n,
  max(value) FILTER (WHERE metric = 'granted_share') AS granted_share,
  max(rank) FILTER (WHERE metric = 'granted_share') AS granted_share_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'granted_share') AS granted_share_of,
  bool_or(small_n) FILTER (WHERE metric = 'granted_share') AS granted_share_small_n,
  max(value) FILTER (WHERE metric = 'partly_granted_share') AS partly_granted_share,
  max(rank) FILTER (WHERE metric = 'partly_granted_share') AS partly_granted_share_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'partly_granted_share') AS partly_granted_share_of,
  bool_or(small_n) FILTER (WHERE metric = 'partly_granted_share') AS partly_granted_share_small_n,
  max(value) FILTER (WHERE metric = 'denial_rate') AS denial_rate,
  max(rank) FILTER (WHERE metric = 'denial_rate') AS denial_rate_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'denial_rate') AS denial_rate_of,
  bool_or(small_n) FILTER (WHERE metric = 'denial_rate') AS denial_rate_small_n,
  max(value) FILTER (WHERE metric = 'unable_share') AS unable_share,
  max(rank) FILTER (WHERE metric = 'unable_share') AS unable_share_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'unable_share') AS unable_share_of,
  bool_or(small_n) FILTER (WHERE metric = 'unable_share') AS unable_share_small_n,
  max(value) FILTER (WHERE metric = 'not_held_share') AS not_held_share,
  max(rank) FILTER (WHERE metric = 'not_held_share') AS not_held_share_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'not_held_share') AS not_held_share_of,
  bool_or(small_n) FILTER (WHERE metric = 'not_held_share') AS not_held_share_small_n,
  max(value) FILTER (WHERE metric = 'not_processed_rate') AS not_processed_rate,
  max(rank) FILTER (WHERE metric = 'not_processed_rate') AS not_processed_rate_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'not_processed_rate') AS not_processed_rate_of,
  bool_or(small_n) FILTER (WHERE metric = 'not_processed_rate') AS not_processed_rate_small_n,
  max(value) FILTER (WHERE metric = 'other_handling_share') AS other_handling_share,
  max(rank) FILTER (WHERE metric = 'other_handling_share') AS other_handling_share_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'other_handling_share') AS other_handling_share_of,
  bool_or(small_n) FILTER (WHERE metric = 'other_handling_share') AS other_handling_share_small_n
FROM mart_long
GROUP BY ALL;
