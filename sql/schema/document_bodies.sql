-- Which body and year each extracted document reports on (NULL body: the issuer could not be placed).
CREATE TABLE IF NOT EXISTS document_bodies (
  document_id VARCHAR PRIMARY KEY,
  body_id     VARCHAR,
  year        INTEGER
);
