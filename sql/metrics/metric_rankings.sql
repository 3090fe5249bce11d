-- What analysts and the marts query: the stored rankings and the user groups ranked when queried at
-- the default threshold; at any other threshold every group ranked afresh.
CREATE OR REPLACE VIEW metric_rankings AS
FROM metric_rankings_stored WHERE small_n_threshold() = small_n_default()
UNION ALL
FROM rank_metrics(['user']) WHERE small_n_threshold() = small_n_default()
UNION ALL
FROM rank_metrics(['built_in', 'user']) WHERE small_n_threshold() <> small_n_default();
