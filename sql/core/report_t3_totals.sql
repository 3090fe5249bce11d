-- Convenience view: one row per report with the headline numbers of table 3 (the 总计 column; a
-- group sum such as denied is NULL when any of its cells is NULL, never a partial sum).
CREATE OR REPLACE VIEW report_t3_totals AS
SELECT
  r.report_id, b.name AS body, r.year, r.format,
  max(value) FILTER (WHERE row_code = 'new_received' AND col_code = 'total') AS new_received,
  max(value) FILTER (WHERE row_code = 'carried_over' AND col_code = 'total') AS carried_over,
  max(value) FILTER (WHERE row_code = 'granted' AND col_code = 'total') AS granted,
  max(value) FILTER (WHERE row_code = 'partly_granted' AND col_code = 'total') AS partly_granted,
  CASE WHEN bool_and(value IS NOT NULL) FILTER (WHERE row_code LIKE 'denied\_%' ESCAPE '\' AND col_code = 'total') THEN sum(value) FILTER (WHERE row_code LIKE 'denied\_%' ESCAPE '\' AND col_code = 'total') END AS denied,
  max(value) FILTER (WHERE row_code = 'unable_not_held' AND col_code = 'total') AS unable_not_held,
  CASE WHEN bool_and(value IS NOT NULL) FILTER (WHERE row_code LIKE 'unable\_%' ESCAPE '\' AND col_code = 'total') THEN sum(value) FILTER (WHERE row_code LIKE 'unable\_%' ESCAPE '\' AND col_code = 'total') END AS unable,
  CASE WHEN bool_and(value IS NOT NULL) FILTER (WHERE row_code LIKE 'not\_processed\_%' ESCAPE '\' AND col_code = 'total') THEN sum(value) FILTER (WHERE row_code LIKE 'not\_processed\_%' ESCAPE '\' AND col_code = 'total') END AS not_processed,
  CASE WHEN bool_and(value IS NOT NULL) FILTER (WHERE row_code LIKE 'other\_%' ESCAPE '\' AND col_code = 'total') THEN sum(value) FILTER (WHERE row_code LIKE 'other\_%' ESCAPE '\' AND col_code = 'total') END AS other_handling,
  max(value) FILTER (WHERE row_code = 'total_handled' AND col_code = 'total') AS total_handled,
  max(value) FILTER (WHERE row_code = 'carried_forward' AND col_code = 'total') AS carried_forward,
  max(value) FILTER (WHERE row_code = 'new_received' AND col_code = 'natural_person') AS new_from_natural_persons,
  CASE WHEN bool_and(value IS NOT NULL) FILTER (WHERE row_code = 'new_received' AND col_code IN ('commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org')) THEN sum(value) FILTER (WHERE row_code = 'new_received' AND col_code IN ('commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org')) END AS new_from_organisations,
  max(value) FILTER (WHERE row_code = 'other_no_correction' AND col_code = 'total') AS other_no_correction
FROM reports r
JOIN bodies b USING (body_id)
LEFT JOIN t3_cells c USING (report_id)
GROUP BY ALL;
