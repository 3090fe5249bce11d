-- generated from data/reference/metrics.csv by scripts/gen-metric-sql.ts — edit the CSV
-- A published comparison table (申请情况: applications received and handled, growth, who applies): one row per peer group, body and year;
-- for each metric its value, rank in the group (NULL when not ranked), how many were ranked, and
-- whether the rate rests on too few cases (small_n). `xxgk publish` selects a year and a group.
-- Its metrics are the rows of metrics.csv whose tables column names applications, in their order.
CREATE OR REPLACE VIEW mart_applications AS
SELECT group_id, group_name, group_kind, year, body_id, body, level, region_code, format,
  max(value) FILTER (WHERE metric = 'new_applications') AS new_applications,
  max(rank) FILTER (WHERE metric = 'new_applications') AS new_applications_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'new_applications') AS new_applications_of,
  bool_or(small_n) FILTER (WHERE metric = 'new_applications') AS new_applications_small_n,
  max(value) FILTER (WHERE metric = 'new_growth_yoy') AS new_growth_yoy,
  max(rank) FILTER (WHERE metric = 'new_growth_yoy') AS new_growth_yoy_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'new_growth_yoy') AS new_growth_yoy_of,
  bool_or(small_n) FILTER (WHERE metric = 'new_growth_yoy') AS new_growth_yoy_small_n,
  max(value) FILTER (WHERE metric = 'new_growth_cagr') AS new_growth_cagr,
  max(rank) FILTER (WHERE metric = 'new_growth_cagr') AS new_growth_cagr_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'new_growth_cagr') AS new_growth_cagr_of,
  bool_or(small_n) FILTER (WHERE metric = 'new_growth_cagr') AS new_growth_cagr_small_n,
  max(value) FILTER (WHERE metric = 'applications_handled') AS applications_handled,
  max(rank) FILTER (WHERE metric = 'applications_handled') AS applications_handled_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'applications_handled') AS applications_handled_of,
  bool_or(small_n) FILTER (WHERE metric = 'applications_handled') AS applications_handled_small_n,
  max(value) FILTER (WHERE metric = 'carried_over') AS carried_over,
  max(rank) FILTER (WHERE metric = 'carried_over') AS carried_over_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'carried_over') AS carried_over_of,
  bool_or(small_n) FILTER (WHERE metric = 'carried_over') AS carried_over_small_n,
  max(value) FILTER (WHERE metric = 'carried_forward') AS carried_forward,
  max(rank) FILTER (WHERE metric = 'carried_forward') AS carried_forward_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'carried_forward') AS carried_forward_of,
  bool_or(small_n) FILTER (WHERE metric = 'carried_forward') AS carried_forward_small_n,
  max(value) FILTER (WHERE metric = 'natural_person_share') AS natural_person_share,
  max(rank) FILTER (WHERE metric = 'natural_person_share') AS natural_person_share_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'natural_person_share') AS natural_person_share_of,
  bool_or(small_n) FILTER (WHERE metric = 'natural_person_share') AS natural_person_share_small_n,
  max(value) FILTER (WHERE metric = 'org_share') AS org_share,
  max(rank) FILTER (WHERE metric = 'org_share') AS org_share_rank,
  max(ranked_in_group) FILTER (WHERE metric = 'org_share') AS org_share_of,
  bool_or(small_n) FILTER (WHERE metric = 'org_share') AS org_share_small_n
FROM mart_long
GROUP BY ALL;
