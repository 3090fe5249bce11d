-- Pipeline bookkeeping: the schema version of this file and the fingerprint of the last load.
CREATE TABLE IF NOT EXISTS meta (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR
);
