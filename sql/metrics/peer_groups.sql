-- Peer groups: governments of the same level under the same parent region; departments of the
-- same government; plus the user's groups (user_groups).
CREATE OR REPLACE VIEW peer_groups AS
SELECT b.body_id,
  CASE
    WHEN b.parent_body_id IS NOT NULL THEN 'parent:' || b.parent_body_id || ':' || b.level
    WHEN reg.parent_code IS NOT NULL THEN 'region:' || reg.parent_code || ':' || b.level
    ELSE 'level:' || b.level
  END AS group_id,
  CASE
    WHEN b.parent_body_id IS NOT NULL THEN p.name || ' · ' || level_zh(b.level)
    WHEN reg.parent_code IS NOT NULL THEN preg.full_name || ' · ' || level_zh(b.level)
    ELSE '全部 · ' || level_zh(b.level)
  END AS group_name,
  'built_in' AS kind
FROM bodies b
LEFT JOIN bodies p ON p.body_id = b.parent_body_id
LEFT JOIN regions reg ON reg.code = b.region_code
LEFT JOIN regions preg ON preg.code = reg.parent_code
WHERE NOT b.inferred
UNION ALL
SELECT body_id, 'user:' || group_name, group_name, 'user' FROM user_groups;
