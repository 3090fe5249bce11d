-- metric_rankings with the body's name, its level in Chinese and the kind of group (built_in or
-- user): the long form the published tables pivot.
CREATE OR REPLACE VIEW mart_long AS
SELECT r.group_id, r.group_name, g.kind AS group_kind, r.year, r.body_id, b.name AS body, level_zh(b.level) AS level, b.region_code, r.format,
       r.metric, r.value, r.rank, r.ranked_in_group, r.small_n, r.base_n, r.ranked
FROM metric_rankings r
JOIN bodies b USING (body_id)
JOIN (SELECT DISTINCT group_id, kind FROM peer_groups) g USING (group_id);
