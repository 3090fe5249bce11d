-- Peer groups defined by users (xxgk publish --groups FILE), besides the built-in ones.
CREATE TABLE IF NOT EXISTS user_groups (
  group_name VARCHAR NOT NULL,
  body_id    VARCHAR NOT NULL
);
