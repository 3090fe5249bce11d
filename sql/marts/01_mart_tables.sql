-- The published comparison tables: one row per peer group, body and year; for each metric its
-- value, rank in the group (NULL when not ranked), how many were ranked, and whether the rate
-- rests on too few cases (small_n). `xxgk publish` selects a year and a group from these views.
CREATE OR REPLACE VIEW mart_long AS
SELECT r.group_id, r.group_name, g.kind AS group_kind, r.year, r.body_id, b.name AS body, level_zh(b.level) AS level, b.region_code, r.format,
       r.metric, r.value, r.rank, r.ranked_in_group, r.small_n, r.base_n, r.ranked
FROM metric_rankings r
JOIN bodies b USING (body_id)
JOIN (SELECT DISTINCT group_id, kind FROM peer_groups) g USING (group_id);

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

CREATE OR REPLACE VIEW mart_data_quality AS
SELECT g.group_id, g.group_name, g.kind AS group_kind, r.year, r.body_id, b.name AS body, level_zh(b.level) AS level, r.format, r.extract_status,
       r.n_failed_checks, r.n_flags, r.n_duplicates,
       (SELECT string_agg(c.rule || ' ' || c.scope, '; ' ORDER BY c.rule, c.scope) FROM check_results c WHERE c.report_id = r.report_id AND c.status = 'fail') AS failed_checks,
       (SELECT count(*) FROM corrected_cells k WHERE k.report_id = r.report_id) AS n_corrected,
       (SELECT count(DISTINCT (k.document_sha256, k.cell)) FROM stg_cell_corrections k WHERE k.status = 'stale' AND k.path = r.source_path) AS n_stale_corrections,
       r.source_path,
       coalesce(r.source_page_url, r.source_url, r.source_path) AS source
FROM reports r JOIN bodies b USING (body_id) JOIN peer_groups g USING (body_id);
