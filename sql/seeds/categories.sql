-- Seed: the category dictionary of format-spec §6 (data/reference/categories.csv).
CREATE OR REPLACE TABLE categories AS
SELECT * FROM read_csv('{{reference}}/categories.csv', header = true, all_varchar = true);
