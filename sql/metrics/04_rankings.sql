-- Rank, percentile and value of each metric within each peer group and year (rank 1 = the
-- highest value; ties share a rank). Small-number rates and NULLs are listed but not ranked;
-- format-specific metrics are ranked only among reports of the same format.
CREATE OR REPLACE VIEW metric_rankings AS
WITH x AS (
  SELECT g.group_id, g.group_name, m.*,
         (m.value IS NOT NULL AND NOT m.small_n) AS ranked,
         CASE WHEN m.format_specific THEN m.format ELSE 'all' END AS format_part
  FROM report_metrics m JOIN peer_groups g USING (body_id)
)
SELECT group_id, group_name, report_id, body_id, year, format, metric, value, base_n, small_n, format_specific, ranked,
  CASE WHEN ranked THEN rank() OVER w END AS rank,
  CASE WHEN ranked THEN count(*) OVER (PARTITION BY group_id, year, metric, format_part, ranked) END AS ranked_in_group,
  CASE WHEN ranked THEN 1 - percent_rank() OVER w END AS percentile
FROM x
WINDOW w AS (PARTITION BY group_id, year, metric, format_part, ranked ORDER BY value DESC);
