-- The body register: one row per government body, and the name variants that resolve to it.
CREATE TABLE IF NOT EXISTS bodies (
  body_id        VARCHAR PRIMARY KEY,
  name           VARCHAR NOT NULL,
  level          VARCHAR NOT NULL,
  region_code    VARCHAR,
  parent_body_id VARCHAR,
  inferred       BOOLEAN NOT NULL
);
COMMENT ON TABLE bodies IS 'Government bodies that report (or are parents of bodies that report)';
COMMENT ON COLUMN bodies.body_id IS 'Stable id: first 12 hex digits of sha256 of the canonical name';
COMMENT ON COLUMN bodies.name IS 'Canonical name in simplified Chinese, e.g. 深圳市龙岗区人民政府, 平潭综合实验区公安局';
COMMENT ON COLUMN bodies.level IS 'district, county, city, province, department, street, township or other';
COMMENT ON COLUMN bodies.region_code IS '6-digit administrative division code of the region the body serves (regions.code); NULL when unknown';
COMMENT ON COLUMN bodies.parent_body_id IS 'The government a department belongs to (bodies.body_id); NULL for top-level governments';
COMMENT ON COLUMN bodies.inferred IS 'true for a parent known only from its departments'' names (it has no report loaded)';

CREATE TABLE IF NOT EXISTS body_aliases (
  alias   VARCHAR NOT NULL,
  body_id VARCHAR NOT NULL,
  source  VARCHAR NOT NULL
);
COMMENT ON TABLE body_aliases IS 'Name variants seen in reports and the body each resolves to';
COMMENT ON COLUMN body_aliases.alias IS 'A name as printed (issuer read from a title, a 发布机构 line such as 区公安局)';
COMMENT ON COLUMN body_aliases.body_id IS 'The body it resolves to (bodies.body_id)';
COMMENT ON COLUMN body_aliases.source IS 'issuer (from the title) or publisher (from the 发布机构 line)';

CREATE TABLE IF NOT EXISTS document_bodies (
  document_id VARCHAR PRIMARY KEY,
  body_id     VARCHAR,
  year        INTEGER
);
COMMENT ON TABLE document_bodies IS 'Which body and year each extracted document reports on (NULL body: issuer unknown)';
COMMENT ON COLUMN document_bodies.document_id IS 'The document (documents.document_id)';
COMMENT ON COLUMN document_bodies.body_id IS 'The body (bodies.body_id)';
COMMENT ON COLUMN document_bodies.year IS 'Report year';
