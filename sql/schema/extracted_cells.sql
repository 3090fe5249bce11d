-- Raw output of the extraction engine: every cell read, long form, with its kind, its printed text
-- and where it was read (loc).
CREATE TABLE IF NOT EXISTS extracted_cells (
  document_id VARCHAR NOT NULL,
  table_code  VARCHAR NOT NULL,
  row_code    VARCHAR NOT NULL,
  col_code    VARCHAR NOT NULL,
  value       DOUBLE,
  cell_kind   VARCHAR NOT NULL,
  raw_text    VARCHAR NOT NULL,
  loc         VARCHAR NOT NULL
);
