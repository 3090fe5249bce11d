-- Every input file accounted for: loaded, duplicate, rejected (with the reason) or removed.
CREATE OR REPLACE VIEW document_status AS
SELECT
  d.document_id,
  d.path,
  CASE
    WHEN d.ingest_state = 'removed' THEN 'removed'
    WHEN e.document_id IS NULL OR e.sha256 <> d.sha256 THEN 'pending'
    WHEN e.status = 'rejected' THEN 'rejected'
    WHEN c.document_id IS NULL THEN 'rejected'
    WHEN c.rank_in_group = 1 THEN 'loaded'
    ELSE 'duplicate'
  END AS status,
  CASE
    WHEN e.status = 'rejected' THEN e.error
    WHEN d.ingest_state <> 'removed' AND e.document_id IS NOT NULL AND c.document_id IS NULL THEN
      'cannot be placed: ' || concat_ws(' and ', CASE WHEN e.issuer IS NULL THEN 'issuer unknown' END, CASE WHEN e.year IS NULL THEN 'year unknown' END)
    WHEN c.rank_in_group > 1 THEN 'duplicate of ' || c.chosen_document_id
  END AS reason,
  e.issuer,
  e.year,
  e.status AS extract_status
FROM documents d
LEFT JOIN extractions e USING (document_id)
LEFT JOIN document_choice c USING (document_id);
