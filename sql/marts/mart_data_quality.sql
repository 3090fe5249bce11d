-- The published data-quality table (数据质量): per peer group and report, the extraction status,
-- failed checks, flags, corrections and where the report came from.
CREATE OR REPLACE VIEW mart_data_quality AS
SELECT g.group_id, g.group_name, g.kind AS group_kind, r.year, r.body_id, b.name AS body, level_zh(b.level) AS level, r.format, r.extract_status,
       r.n_failed_checks, r.n_flags, r.n_duplicates,
       (SELECT string_agg(c.rule || ' ' || c.scope, '; ' ORDER BY c.rule, c.scope) FROM check_results c WHERE c.report_id = r.report_id AND c.status = 'fail') AS failed_checks,
       (SELECT count(*) FROM corrected_cells k WHERE k.report_id = r.report_id) AS n_corrected,
       (SELECT count(DISTINCT (k.document_sha256, k.cell)) FROM stg_cell_corrections k WHERE k.status = 'stale' AND k.path = r.source_path) AS n_stale_corrections,
       r.source_path,
       coalesce(r.source_page_url, r.source_url, r.source_path) AS source
FROM reports r JOIN bodies b USING (body_id) JOIN peer_groups g USING (body_id);
