-- model: stg_cells
-- Every row code (for table 4 the group) and column code of the extracted cells is in the
-- dictionary (categories, format-spec §6) for its table: the cell tables speak only its codes.
WITH codes AS (
  SELECT table_code, row_code, col_code, count(*) AS cells, min(document_id) AS a_document_id
  FROM stg_cells GROUP BY ALL
)
SELECT x.*,
       x.row_code NOT IN (SELECT short_code FROM categories c WHERE c.table_code = x.table_code AND c.kind IN ('row', 'grp')) AS unknown_row,
       x.col_code NOT IN (SELECT short_code FROM categories c WHERE c.table_code = x.table_code AND c.kind = 'col') AS unknown_col
FROM codes x
WHERE x.row_code NOT IN (SELECT short_code FROM categories c WHERE c.table_code = x.table_code AND c.kind IN ('row', 'grp'))
   OR x.col_code NOT IN (SELECT short_code FROM categories c WHERE c.table_code = x.table_code AND c.kind = 'col')
