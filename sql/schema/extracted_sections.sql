-- The six sections of each report (format-spec §6.1): whether the heading was found, and the text
-- of the prose sections 一 (总体情况), 五 (problems) and 六 (other matters), for the quality measures.
CREATE TABLE IF NOT EXISTS extracted_sections (
  document_id VARCHAR NOT NULL,
  section     VARCHAR NOT NULL,
  found       BOOLEAN NOT NULL,
  text        VARCHAR,
  sketch      UINTEGER[]
);
