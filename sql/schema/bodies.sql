-- The body register: one row per government body (the name variants that resolve to it are in
-- body_aliases).
CREATE TABLE IF NOT EXISTS bodies (
  body_id        VARCHAR PRIMARY KEY,
  name           VARCHAR NOT NULL,
  level          VARCHAR NOT NULL,
  region_code    VARCHAR,
  parent_body_id VARCHAR,
  inferred       BOOLEAN NOT NULL
);
