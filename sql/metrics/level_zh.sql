-- A body's level in Chinese, as the peer-group names and the published tables print it (district → 区).
CREATE OR REPLACE MACRO level_zh(level) AS CASE level
  WHEN 'province' THEN '省级' WHEN 'city' THEN '市级' WHEN 'district' THEN '区' WHEN 'county' THEN '县'
  WHEN 'department' THEN '部门' WHEN 'street' THEN '街道' WHEN 'township' THEN '乡镇' ELSE '其他' END;
