-- model: check_results
-- The sum identities V3.1 (rows 1+2 = 3+4), V3.2 (outcomes sum to 总计), V3.3 (row sums) and
-- V4.1 (table 4 groups), recomputed from the loaded cells: a check is not_assessable exactly when
-- one of its cells is NULL or absent, and otherwise passes exactly when the two sides are equal.
-- This holds by construction (the numbers themselves need not add up: a failing check is data).
-- V3.1 has two cells on the left (new_received + carried_over); the others one (the total).
WITH cells AS (
  SELECT report_id, 't3.' || row_code || '.' || col_code AS key, value FROM t3_cells
  UNION ALL
  SELECT report_id, 't4.' || group_code || '.' || col_code, value FROM t4_cells
),
terms AS (
  SELECT report_id, rule, scope, status, unnest(cells) AS key, generate_subscripts(cells, 1) AS pos,
         CASE WHEN rule = 'V3.1' THEN 2 ELSE 1 END AS n_left
  FROM check_results
  WHERE rule IN ('V3.1', 'V3.2', 'V3.3', 'V4.1')
),
valued AS (
  SELECT t.*, v.value FROM terms t LEFT JOIN cells v ON v.report_id = t.report_id AND v.key = t.key
),
recomputed AS (
  SELECT report_id, rule, scope, any_value(status) AS status,
         bool_or(value IS NULL) AS any_missing,
         sum(value) FILTER (WHERE pos <= n_left) AS left_side,
         coalesce(sum(value) FILTER (WHERE pos > n_left), 0) AS right_side
  FROM valued
  GROUP BY report_id, rule, scope
)
SELECT report_id, rule, scope, status, left_side, right_side,
       CASE WHEN any_missing THEN 'not_assessable' WHEN left_side = right_side THEN 'pass' ELSE 'fail' END AS expected
FROM recomputed
WHERE status <> CASE WHEN any_missing THEN 'not_assessable' WHEN left_side = right_side THEN 'pass' ELSE 'fail' END
