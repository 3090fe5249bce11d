-- The cells each metric is computed from (LIKE patterns over cell codes), so that a metric built
-- on a corrected cell is marked corrected (published with a footnote marker). new_growth_yoy and
-- new_growth_cagr also depend on an earlier year's new_received.total (see report_metrics_base).
CREATE OR REPLACE TABLE metric_cells AS
SELECT * FROM (VALUES
  ('new_applications', 't3.new_received.total'),
  ('new_growth_yoy', 't3.new_received.total'),
  ('new_growth_cagr', 't3.new_received.total'),
  ('applications_handled', 't3.total_handled.total'),
  ('carried_over', 't3.carried_over.total'),
  ('carried_forward', 't3.carried_forward.total'),
  ('natural_person_share', 't3.new_received.natural_person'), ('natural_person_share', 't3.new_received.total'),
  ('org_share', 't3.new_received.commercial_enterprise'), ('org_share', 't3.new_received.research_institution'),
  ('org_share', 't3.new_received.social_welfare_org'), ('org_share', 't3.new_received.legal_service_org'),
  ('org_share', 't3.new_received.other_org'), ('org_share', 't3.new_received.total'),
  ('granted_share', 't3.granted.total'), ('granted_share', 't3.total_handled.total'),
  ('partly_granted_share', 't3.partly_granted.total'), ('partly_granted_share', 't3.total_handled.total'),
  ('disclosure_rate', 't3.granted.total'), ('disclosure_rate', 't3.partly_granted.total'), ('disclosure_rate', 't3.total_handled.total'),
  ('denial_rate', 't3.denied\_%.total'), ('denial_rate', 't3.total_handled.total'),
  ('unable_share', 't3.unable\_%.total'), ('unable_share', 't3.total_handled.total'),
  ('not_held_share', 't3.unable_not_held.total'), ('not_held_share', 't3.total_handled.total'),
  ('not_processed_rate', 't3.not\_processed\_%.total'), ('not_processed_rate', 't3.total_handled.total'),
  ('other_handling_share', 't3.other\_%.total'), ('other_handling_share', 't3.total_handled.total'),
  ('other_no_correction_share', 't3.other_no_correction.total'), ('other_no_correction_share', 't3.total_handled.total'),
  ('review_cases', 't4.review.total'),
  ('review_correction_rate', 't4.review.upheld'), ('review_correction_rate', 't4.review.corrected'), ('review_correction_rate', 't4.review.other'),
  ('litigation_cases', 't4.lit\_direct.total'), ('litigation_cases', 't4.lit\_after\_review.total'),
  ('litigation_correction_rate', 't4.lit\_%.upheld'), ('litigation_correction_rate', 't4.lit\_%.corrected'), ('litigation_correction_rate', 't4.lit\_%.other'),
  ('litigation_per_100', 't4.lit\_%.total'), ('litigation_per_100', 't3.new_received.total'),
  ('regulations_issued', 't2.regulations.issued'),
  ('normative_docs_issued', 't2.normative_docs.issued'),
  ('normative_docs_in_force', 't2.normative_docs.in_force'),
  ('licensing_decisions', 't2.admin_licensing.decisions'),
  ('penalty_decisions', 't2.admin_penalty.decisions'),
  ('coercion_decisions', 't2.admin_coercion.decisions'),
  ('fees_wan_yuan', 't2.admin_fees.fee_amount_wan_yuan')
) AS t(metric, cell_like);
