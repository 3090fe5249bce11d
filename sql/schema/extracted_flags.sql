-- Raw output of the extraction engine: the values it is unsure of (left NULL, with the candidates)
-- and the tables or rows it could not find.
CREATE TABLE IF NOT EXISTS extracted_flags (
  document_id VARCHAR NOT NULL,
  cell        VARCHAR NOT NULL,
  reason      VARCHAR NOT NULL,
  detail      VARCHAR NOT NULL,
  candidates  DOUBLE[]
);
