-- The body register: one row per government body, and the name variants that resolve to it.
CREATE TABLE IF NOT EXISTS bodies (
  body_id        VARCHAR PRIMARY KEY,
  name           VARCHAR NOT NULL,
  level          VARCHAR NOT NULL,
  region_code    VARCHAR,
  parent_body_id VARCHAR,
  inferred       BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS body_aliases (
  alias   VARCHAR NOT NULL,
  body_id VARCHAR NOT NULL,
  source  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS document_bodies (
  document_id VARCHAR PRIMARY KEY,
  body_id     VARCHAR,
  year        INTEGER
);
