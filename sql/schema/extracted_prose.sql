-- The figures a report restates in its prose (P checks), kept so that checks can be recomputed
-- from corrected cells without the report's text.
CREATE TABLE IF NOT EXISTS extracted_prose (
  document_id VARCHAR NOT NULL,
  rule        VARCHAR NOT NULL,
  value       DOUBLE NOT NULL,
  sentence    VARCHAR NOT NULL,
  cells       VARCHAR[] NOT NULL,
  or_cells    VARCHAR[]
);
