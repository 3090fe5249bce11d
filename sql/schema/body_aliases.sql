-- The name variants seen in reports and the body of the register each resolves to.
CREATE TABLE IF NOT EXISTS body_aliases (
  alias   VARCHAR NOT NULL,
  body_id VARCHAR NOT NULL,
  source  VARCHAR NOT NULL
);
