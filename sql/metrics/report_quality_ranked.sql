-- Published: per peer group, body and year, ranked within the group by the share of sentences
-- carried over (1 = most copied; NULL without a previous report, not ranked).
CREATE OR REPLACE VIEW report_quality_ranked AS
SELECT g.group_id, g.group_name, g.kind AS group_kind, q.*,
       CASE WHEN q.sentences_carried_share IS NOT NULL
            THEN rank() OVER (PARTITION BY g.group_id, q.year, q.sentences_carried_share IS NOT NULL ORDER BY q.sentences_carried_share DESC) END AS carried_rank,
       count(q.sentences_carried_share) OVER (PARTITION BY g.group_id, q.year) AS carried_ranked_of
FROM report_quality q JOIN peer_groups g USING (body_id);
