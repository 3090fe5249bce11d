-- The rankings of the built-in peer groups, materialized at load (see rank_metrics), at the
-- default threshold whatever this connection had set.
RESET VARIABLE small_n;
CREATE OR REPLACE TABLE metric_rankings_stored AS
FROM rank_metrics(['built_in'])
ORDER BY group_id, year, metric, rank NULLS LAST, body_id;
