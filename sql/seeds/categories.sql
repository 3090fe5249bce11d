-- Seed: the category dictionary of format-spec §6 (data/reference/categories.csv).
CREATE OR REPLACE TABLE categories AS
SELECT * FROM read_csv('{{reference}}/categories.csv', header = true, all_varchar = true);
COMMENT ON TABLE categories IS 'Canonical codes of tables 2, 3 and 4 with their Chinese and English labels (format-spec §6)';
COMMENT ON COLUMN categories.code IS 'Full code, e.g. t3.row.unable_not_held';
COMMENT ON COLUMN categories.table_code IS 't2, t3 or t4';
COMMENT ON COLUMN categories.kind IS 'row, col or grp (group header) or derived';
COMMENT ON COLUMN categories.short_code IS 'The code as used in the cell tables (row_code / col_code)';
COMMENT ON COLUMN categories.label_zh IS 'Label as printed in the national template';
COMMENT ON COLUMN categories.label_en IS 'English label';
COMMENT ON COLUMN categories.versions IS 'Formats that print it: f2019, f2021 (space separated), or derived';
