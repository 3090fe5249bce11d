-- Which document stands for each body and year. The rule for duplicates (the same body and
-- year in two files): a complete report (status ok) beats a partial one, then fewer failed
-- checks (after corrections), then fewer flags, then more numbers read, then the path in alphabetical order.
CREATE OR REPLACE TABLE document_choice AS
WITH flags AS (SELECT document_id, count(*) AS n FROM extracted_flags GROUP BY ALL),
     fails AS (SELECT document_id, count(*) AS n FROM stg_checks WHERE status = 'fail' GROUP BY ALL),
     nums  AS (SELECT document_id, count(*) AS n FROM extracted_cells WHERE value IS NOT NULL GROUP BY ALL),
     cand AS (
       SELECT db.document_id, db.body_id, db.year, e.status, d.path,
              coalesce(fails.n, 0) AS n_failed_checks, coalesce(flags.n, 0) AS n_flags, coalesce(nums.n, 0) AS n_values
       FROM document_bodies db
       JOIN extractions e USING (document_id)
       JOIN documents d USING (document_id)
       LEFT JOIN flags USING (document_id)
       LEFT JOIN fails USING (document_id)
       LEFT JOIN nums USING (document_id)
       WHERE d.ingest_state <> 'removed' AND e.status <> 'rejected' AND e.sha256 = d.sha256
         AND db.body_id IS NOT NULL AND db.year IS NOT NULL
     )
SELECT *,
       row_number() OVER (PARTITION BY body_id, year
                          ORDER BY status = 'ok' DESC, n_failed_checks, n_flags, n_values DESC, path) AS rank_in_group,
       first_value(document_id) OVER (PARTITION BY body_id, year
                          ORDER BY status = 'ok' DESC, n_failed_checks, n_flags, n_values DESC, path) AS chosen_document_id
FROM cand;
