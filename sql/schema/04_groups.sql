-- Peer groups defined by users (xxgk publish --groups FILE), besides the built-in ones.
CREATE TABLE IF NOT EXISTS user_groups (
  group_name VARCHAR NOT NULL,
  body_id    VARCHAR NOT NULL
);
COMMENT ON TABLE user_groups IS 'User-defined comparison groups (loaded from a CSV of group,body by xxgk publish --groups)';
COMMENT ON COLUMN user_groups.group_name IS 'Name of the group as given in the file';
COMMENT ON COLUMN user_groups.body_id IS 'A member body (bodies.body_id)';
