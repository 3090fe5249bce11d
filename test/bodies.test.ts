// One township, street or government under the names its reports give it from year to year is
// one body, so that its series (requests per year, growth) does not break where the wording changes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fullGovernmentName } from '../pipeline/normalize/bodies.ts';
import { runAll } from '../pipeline/stages.ts';
import { corpusFolder, queryFile } from './helpers.ts';

describe('body names', () => {
  it('a township or street named short, as 镇政府 or in full is one name; departments and zones stay as printed', () => {
    for (const n of ['湖南镇', '湖南镇政府', '湖南镇人民政府']) expect(fullGovernmentName(n)).toBe('湖南镇人民政府');
    for (const n of ['东湖街道', '东湖街道办', '东湖街道办事处']) expect(fullGovernmentName(n)).toBe('东湖街道办事处');
    expect(fullGovernmentName('哈日诺尔苏木')).toBe('哈日诺尔苏木人民政府');
    expect(fullGovernmentName('某某县政府')).toBe('某某县人民政府');
    for (const n of ['某某县统计局', '某某镇人民政府党政办公室', '某某高新区政府', '城关镇卫生院', '平潭综合实验区']) expect(fullGovernmentName(n)).toBe(n);
  });

  const f = corpusFolder('bodies', ['pingtan-junshan_2019_1.txt', 'pingtan-haitan_2023_1.txt']);
  afterAll(() => fs.rmSync(f.dir, { recursive: true, force: true }));
  it('two real reports of one township, titled 湖南镇 (2019) and 湖南镇人民政府 (2023), load as one body with both years', async () => {
    const retitle = (file: string, name: string) => {
      const p = path.join(f.raw, file);
      const text = fs.readFileSync(p, 'utf8');
      const edited = text.replace(/^标题: 平潭综合实验区[^\d\s]+?片区管理局/mu, `标题: 平潭县${name}`);
      expect(edited).not.toBe(text);
      fs.writeFileSync(p, edited);
    };
    retitle('pingtan-junshan_2019_1.txt', '湖南镇');
    retitle('pingtan-haitan_2023_1.txt', '湖南镇人民政府');
    await runAll({ db: f.db, input: f.raw, log: () => {} });
    const rows = await queryFile<{ name: string; level: string; years: string }>(f.db, `SELECT b.name, b.level, string_agg(d.year::VARCHAR, ',' ORDER BY d.year) AS years FROM bodies b JOIN document_bodies d USING (body_id) GROUP BY ALL`);
    expect(rows).toEqual([{ name: '平潭县湖南镇人民政府', level: 'township', years: '2019,2023' }]);
    // the name as printed stays findable
    const alias = await queryFile<{ alias: string }>(f.db, `SELECT alias FROM body_aliases`);
    expect(alias.map((a) => a.alias)).toContain('平潭县湖南镇');
  }, 60_000);
});
