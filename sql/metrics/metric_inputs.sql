-- The cells each metric needs, one row per report. A sum over several cells is NULL when any of
-- them is NULL (blank or unsure), never a partial sum: SQL addition propagates NULL.
CREATE OR REPLACE VIEW metric_inputs AS
WITH t2 AS (
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
SELECT r.report_id, r.body_id, r.year, r.format,
  -- tables 3 and 4 come from the wide views of sql/core, where each group sum is defined once
  t3.new_received AS new_total, t3.new_from_natural_persons AS new_natural, t3.new_from_organisations AS new_org,
  t3.carried_over, t3.total_handled AS handled, t3.carried_forward, t3.granted, t3.partly_granted,
  t3.denied, t3.unable, t3.unable_not_held AS not_held, t3.not_processed, t3.other_handling, t3.other_no_correction,
  t4.review_total, t4.review_corrected,
  t4.review_upheld + t4.review_corrected + t4.review_other AS review_decided,
  t4.lit_direct_total + t4.lit_after_review_total AS lit_total,
  t4.lit_direct_corrected + t4.lit_after_review_corrected AS lit_corrected,
  t4.lit_direct_upheld + t4.lit_direct_corrected + t4.lit_direct_other
    + t4.lit_after_review_upheld + t4.lit_after_review_corrected + t4.lit_after_review_other AS lit_decided,
  t2.* EXCLUDE (report_id),
  tl.days_late
FROM reports r
LEFT JOIN report_t3_totals t3 USING (report_id)
LEFT JOIN report_t4 t4 USING (report_id)
LEFT JOIN t2 USING (report_id)
LEFT JOIN report_timeliness tl USING (report_id);
