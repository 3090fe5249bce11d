-- Convenience view: one row per report with table 4, one column per group and outcome.
CREATE OR REPLACE VIEW report_t4 AS
SELECT
  r.report_id, b.name AS body, r.year,
  max(value) FILTER (WHERE group_code = 'review' AND col_code = 'upheld') AS review_upheld,
  max(value) FILTER (WHERE group_code = 'review' AND col_code = 'corrected') AS review_corrected,
  max(value) FILTER (WHERE group_code = 'review' AND col_code = 'other') AS review_other,
  max(value) FILTER (WHERE group_code = 'review' AND col_code = 'pending') AS review_pending,
  max(value) FILTER (WHERE group_code = 'review' AND col_code = 'total') AS review_total,
  max(value) FILTER (WHERE group_code = 'lit_direct' AND col_code = 'upheld') AS lit_direct_upheld,
  max(value) FILTER (WHERE group_code = 'lit_direct' AND col_code = 'corrected') AS lit_direct_corrected,
  max(value) FILTER (WHERE group_code = 'lit_direct' AND col_code = 'other') AS lit_direct_other,
  max(value) FILTER (WHERE group_code = 'lit_direct' AND col_code = 'pending') AS lit_direct_pending,
  max(value) FILTER (WHERE group_code = 'lit_direct' AND col_code = 'total') AS lit_direct_total,
  max(value) FILTER (WHERE group_code = 'lit_after_review' AND col_code = 'upheld') AS lit_after_review_upheld,
  max(value) FILTER (WHERE group_code = 'lit_after_review' AND col_code = 'corrected') AS lit_after_review_corrected,
  max(value) FILTER (WHERE group_code = 'lit_after_review' AND col_code = 'other') AS lit_after_review_other,
  max(value) FILTER (WHERE group_code = 'lit_after_review' AND col_code = 'pending') AS lit_after_review_pending,
  max(value) FILTER (WHERE group_code = 'lit_after_review' AND col_code = 'total') AS lit_after_review_total
FROM reports r
JOIN bodies b USING (body_id)
LEFT JOIN t4_cells c USING (report_id)
GROUP BY ALL;
