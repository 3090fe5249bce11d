-- The cells each metric needs, one row per report. A sum over several rows is NULL when any of
-- its cells is NULL (blank or unsure), never a partial sum.
CREATE OR REPLACE VIEW metric_inputs AS
WITH t3 AS (
  SELECT report_id,
    max(value) FILTER (WHERE row_code = 'new_received' AND col_code = 'total') AS new_total,
    max(value) FILTER (WHERE row_code = 'new_received' AND col_code = 'natural_person') AS new_natural,
    CASE WHEN bool_and(value IS NOT NULL) FILTER (WHERE row_code = 'new_received' AND col_code IN ('commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org')) THEN sum(value) FILTER (WHERE row_code = 'new_received' AND col_code IN ('commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org')) END AS new_org,
    max(value) FILTER (WHERE row_code = 'carried_over' AND col_code = 'total') AS carried_over,
    max(value) FILTER (WHERE row_code = 'total_handled' AND col_code = 'total') AS handled,
    max(value) FILTER (WHERE row_code = 'carried_forward' AND col_code = 'total') AS carried_forward,
    max(value) FILTER (WHERE row_code = 'granted' AND col_code = 'total') AS granted,
    max(value) FILTER (WHERE row_code = 'partly_granted' AND col_code = 'total') AS partly_granted,
    CASE WHEN bool_and(value IS NOT NULL) FILTER (WHERE row_code LIKE 'denied\_%' ESCAPE '\' AND col_code = 'total') THEN sum(value) FILTER (WHERE row_code LIKE 'denied\_%' ESCAPE '\' AND col_code = 'total') END AS denied,
    CASE WHEN bool_and(value IS NOT NULL) FILTER (WHERE row_code LIKE 'unable\_%' ESCAPE '\' AND col_code = 'total') THEN sum(value) FILTER (WHERE row_code LIKE 'unable\_%' ESCAPE '\' AND col_code = 'total') END AS unable,
    max(value) FILTER (WHERE row_code = 'unable_not_held' AND col_code = 'total') AS not_held,
    CASE WHEN bool_and(value IS NOT NULL) FILTER (WHERE row_code LIKE 'not\_processed\_%' ESCAPE '\' AND col_code = 'total') THEN sum(value) FILTER (WHERE row_code LIKE 'not\_processed\_%' ESCAPE '\' AND col_code = 'total') END AS not_processed,
    CASE WHEN bool_and(value IS NOT NULL) FILTER (WHERE row_code LIKE 'other\_%' ESCAPE '\' AND col_code = 'total') THEN sum(value) FILTER (WHERE row_code LIKE 'other\_%' ESCAPE '\' AND col_code = 'total') END AS other_handling,
    max(value) FILTER (WHERE row_code = 'other_no_correction' AND col_code = 'total') AS other_no_correction
  FROM t3_cells GROUP BY report_id
), t4 AS (
  SELECT report_id,
    max(value) FILTER (WHERE group_code = 'review' AND col_code = 'total') AS review_total,
    max(value) FILTER (WHERE group_code = 'review' AND col_code = 'corrected') AS review_corrected,
    CASE WHEN bool_and(value IS NOT NULL) FILTER (WHERE group_code = 'review' AND col_code IN ('upheld', 'corrected', 'other')) THEN sum(value) FILTER (WHERE group_code = 'review' AND col_code IN ('upheld', 'corrected', 'other')) END AS review_decided,
    CASE WHEN bool_and(value IS NOT NULL) FILTER (WHERE group_code IN ('lit_direct', 'lit_after_review') AND col_code = 'total') THEN sum(value) FILTER (WHERE group_code IN ('lit_direct', 'lit_after_review') AND col_code = 'total') END AS lit_total,
    CASE WHEN bool_and(value IS NOT NULL) FILTER (WHERE group_code IN ('lit_direct', 'lit_after_review') AND col_code = 'corrected') THEN sum(value) FILTER (WHERE group_code IN ('lit_direct', 'lit_after_review') AND col_code = 'corrected') END AS lit_corrected,
    CASE WHEN bool_and(value IS NOT NULL) FILTER (WHERE group_code IN ('lit_direct', 'lit_after_review') AND col_code IN ('upheld', 'corrected', 'other')) THEN sum(value) FILTER (WHERE group_code IN ('lit_direct', 'lit_after_review') AND col_code IN ('upheld', 'corrected', 'other')) END AS lit_decided
  FROM t4_cells GROUP BY report_id
), t2 AS (
  SELECT report_id,
    max(value) FILTER (WHERE row_code = 'regulations' AND col_code = 'issued') AS regulations_issued,
    max(value) FILTER (WHERE row_code = 'normative_docs' AND col_code = 'issued') AS normative_docs_issued,
    max(value) FILTER (WHERE row_code = 'normative_docs' AND col_code = 'in_force') AS normative_docs_in_force,
    max(value) FILTER (WHERE row_code = 'admin_licensing' AND col_code = 'decisions') AS licensing_decisions,
    max(value) FILTER (WHERE row_code = 'admin_penalty' AND col_code = 'decisions') AS penalty_decisions,
    max(value) FILTER (WHERE row_code = 'admin_coercion' AND col_code = 'decisions') AS coercion_decisions,
    max(value) FILTER (WHERE row_code = 'admin_fees' AND col_code = 'fee_amount_wan_yuan') AS fees_wan_yuan
  FROM t2_cells GROUP BY report_id
)
SELECT r.report_id, r.body_id, r.year, r.format, t3.* EXCLUDE (report_id), t4.* EXCLUDE (report_id), t2.* EXCLUDE (report_id)
FROM reports r
LEFT JOIN t3 USING (report_id)
LEFT JOIN t4 USING (report_id)
LEFT JOIN t2 USING (report_id);
COMMENT ON VIEW metric_inputs IS 'Per report, the table totals the metrics are computed from (group sums NULL when any cell is NULL)';
