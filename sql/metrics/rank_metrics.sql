-- Rank, percentile and value of each metric within each peer group and year (rank 1 = the
-- highest value; ties share a rank). Small-number rates and NULLs are listed but not ranked;
-- format-specific metrics are ranked only among reports of the same format.
--
-- The ranking is written once, as the table macro rank_metrics(kinds) over the peer groups of
-- those kinds. What analysts and the marts query, metric_rankings, reads the rankings of the
-- built-in groups materialized at load (metric_rankings_stored, at the default small-number
-- threshold), so a ranking query is instant. Two things cannot be stored at load and are ranked
-- when queried: user groups (xxgk publish --groups writes user_groups after the load), and any
-- other threshold (SET VARIABLE small_n = N, xxgk publish --min-requests N), for which every group
-- is ranked afresh. The branches not taken are constant-false and cost nothing.
CREATE OR REPLACE MACRO rank_metrics(kinds) AS TABLE
WITH x AS (
  SELECT g.group_id, g.group_name, m.*,
         (m.value IS NOT NULL AND NOT m.small_n) AS ranked,
         CASE WHEN m.format_specific THEN m.format ELSE 'all' END AS format_part
  FROM report_metrics m JOIN peer_groups g USING (body_id)
  WHERE list_contains(kinds, g.kind)
)
SELECT group_id, group_name, report_id, body_id, year, format, metric, value, base_n, small_n, format_specific, ranked,
  CASE WHEN ranked THEN rank() OVER w END AS rank,
  CASE WHEN ranked THEN count(*) OVER (PARTITION BY group_id, year, metric, format_part, ranked) END AS ranked_in_group,
  CASE WHEN ranked THEN 1 - percent_rank() OVER w END AS percentile
FROM x
WINDOW w AS (PARTITION BY group_id, year, metric, format_part, ranked ORDER BY value DESC);
