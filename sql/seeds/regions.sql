-- Seed: the national division list (china-division 2.7.0, NBS 2023) as one table of regions.
-- A prefecture city without counties (东莞市 441900, 中山市 442000, 儋州市 460400) is listed again
-- among the areas under its own code; that copy is dropped, so each code is one region (a county
-- that is its own parent made the name ambiguous and the parent chain endless).
CREATE OR REPLACE TABLE regions AS
WITH p AS (SELECT * FROM read_csv('{{reference}}/divisions/provinces.csv', types = {'code': 'VARCHAR'})),
     c AS (SELECT * FROM read_csv('{{reference}}/divisions/cities.csv', types = {'code': 'VARCHAR', 'provinceCode': 'VARCHAR'})),
     a AS (SELECT * FROM read_csv('{{reference}}/divisions/areas.csv', types = {'code': 'VARCHAR', 'cityCode': 'VARCHAR', 'provinceCode': 'VARCHAR'}))
SELECT p.code || '0000' AS code, p.name, 'province' AS level, NULL AS parent_code, p.name AS province, NULL AS city, p.name AS full_name FROM p
UNION ALL
SELECT c.code || '00', c.name, 'city', c.provinceCode || '0000', p.name, c.name,
       p.name || CASE WHEN c.name = '市辖区' THEN '' ELSE c.name END
FROM c JOIN p ON p.code = c.provinceCode
UNION ALL
SELECT a.code, a.name, 'county', a.cityCode || '00', p.name, c.name,
       p.name || CASE WHEN c.name = '市辖区' THEN '' ELSE c.name END || a.name
FROM a JOIN c ON c.code = a.cityCode JOIN p ON p.code = a.provinceCode
WHERE a.code <> a.cityCode || '00';
