-- The cells of the loaded reports that need a person (xxgk review): flagged cells (with the
-- candidates), the cells of failed checks, and the cells of rows or tables not found; one row per
-- report and cell, with why, the value read, its printed text and where it was read. A cell
-- corrected already (an applied correction) is not asked again.
CREATE OR REPLACE VIEW review_queue AS
WITH need AS (
  SELECT report_id, cell, reason AS why, detail, candidates FROM flags WHERE regexp_matches(cell, '^t[234]\.[a-z_]+\.[a-z0-9_]+$')
  UNION ALL
  SELECT report_id, unnest(cells) AS cell, 'check ' || rule, detail, NULL FROM check_results WHERE status = 'fail'
),
per_cell AS (
  SELECT report_id, cell,
         string_agg(DISTINCT why, '; ' ORDER BY why) AS why,
         string_agg(DISTINCT detail, ' | ' ORDER BY detail) AS detail,
         first(candidates) FILTER (WHERE candidates IS NOT NULL) AS candidates
  FROM need GROUP BY ALL
),
cells AS (
  SELECT report_id, 't2.' || row_code || '.' || col_code AS cell, value, cell_kind, raw_text, loc, corrected FROM t2_cells
  UNION ALL SELECT report_id, 't3.' || row_code || '.' || col_code, value, cell_kind, raw_text, loc, corrected FROM t3_cells
  UNION ALL SELECT report_id, 't4.' || group_code || '.' || col_code, value, cell_kind, raw_text, loc, corrected FROM t4_cells
)
SELECT
  r.report_id, r.body_id, b.name AS body, r.year, r.document_id, d.sha256 AS document_sha256, r.source_path,
  p.cell,
  concat_ws(' · ', rl.label_zh, cl.label_zh) AS label_zh,
  p.why, p.detail,
  array_to_string(list_transform(p.candidates, x -> coalesce(num_text(x), 'blank')), ', ') AS candidates,
  cell_text(c.value, c.cell_kind) AS extracted_value,
  coalesce(c.raw_text, '') AS printed_text,
  CASE WHEN c.cell IS NULL THEN 'not read' WHEN coalesce(c.loc, '') = '' THEN 'unknown' ELSE c.loc END AS loc
FROM per_cell p
JOIN reports r USING (report_id)
JOIN bodies b USING (body_id)
JOIN documents d ON d.document_id = r.document_id
LEFT JOIN cells c ON c.report_id = p.report_id AND c.cell = p.cell
LEFT JOIN categories rl ON rl.code = split_part(p.cell, '.', 1) || CASE WHEN p.cell LIKE 't4.%' THEN '.grp.' ELSE '.row.' END || split_part(p.cell, '.', 2)
LEFT JOIN categories cl ON cl.code = split_part(p.cell, '.', 1) || '.col.' || split_part(p.cell, '.', 3)
WHERE NOT coalesce(c.corrected, false);
