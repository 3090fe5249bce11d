-- Pipeline bookkeeping: the schema version of this file and when each stage last ran.
CREATE TABLE IF NOT EXISTS meta (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR
);
COMMENT ON TABLE meta IS 'Pipeline bookkeeping: schema_version and the last run of each stage';
COMMENT ON COLUMN meta.key IS 'schema_version, or last_<stage> for the time a stage last completed';
COMMENT ON COLUMN meta.value IS 'the value, as text';
