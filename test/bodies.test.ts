// One township, street or government under the names its reports give it from year to year is
// one body, so that its series (requests per year, growth) does not break where the wording changes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fullGovernmentName, withoutPlace } from '../pipeline/normalize/bodies.ts';
import { loadGroups } from '../pipeline/publish/groups.ts';
import { runAll, withDb } from '../pipeline/stages.ts';
import { CORPUS, corpusFolder, queryFile } from './helpers.ts';

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

  it('a name that says no place: a department without its region, a township without its county', () => {
    const body = (name: string, level: string, regionCode: string | null = null) => ({ bodyId: '', name, level, regionCode, parentName: null });
    for (const n of ['商务局', '档案馆', '区公安局', '住房和城乡建设局', '市场监督管理局', '城市管理局', '乡村振兴局']) expect(withoutPlace(body(n, 'department'))).toBe(true);
    expect(withoutPlace(body('城关镇人民政府', 'township'))).toBe(true);
    expect(withoutPlace(body('东湖街道办事处', 'street'))).toBe(true);
    for (const [n, level] of [['某某县商务局', 'department'], ['某某县城关镇人民政府', 'township'], ['高新区管委会', 'district'], ['某某县人民政府', 'county']] as const) {
      expect(withoutPlace(body(n, level))).toBe(false);
    }
    expect(withoutPlace(body('商务局', 'department', '440307'))).toBe(false);
  });
});

// Every county has a 商务局: reports that print only that name, from two sites or two county
// folders, are two bodies, not one body and a duplicate (which silently dropped one report).
describe('names without a place', () => {
  const f = corpusFolder('placeless', []);
  afterAll(() => fs.rmSync(f.dir, { recursive: true, force: true }));
  const copyAs = (file: string, full: RegExp, to: string) => {
    const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
    const edited = text.replace(full, '商务局');
    expect(edited.match(/商务局/gu)!.length).toBeGreaterThan(2);
    fs.mkdirSync(path.dirname(path.join(f.raw, to)), { recursive: true });
    fs.writeFileSync(path.join(f.raw, to), edited);
    return path.join(f.raw, to);
  };

  it('one body per county folder, each with its own years; one per site where the files say which', async () => {
    copyAs('pingtan-czj_2022_1.txt', /平潭综合实验区财政[金全]融局/gu, '甲县/czj_2022.txt');
    copyAs('pingtan-jtj_2021_1.txt', /平潭综合实验区交通与建设局/gu, '甲县/jtj_2021.txt');
    copyAs('pingtan-nyn_2022_1.txt', /平潭综合实验区农业农村局/gu, '乙县/nyn_2022.txt');
    // two files of one folder, each with the fetch sidecar of a different site
    for (const [file, full, host] of [['pingtan-lyy_2022_1.txt', /平潭综合实验区旅游与文化体育局/gu, 'www.c.gov.cn'], ['pingtan-zrz_2022_1.txt', /平潭综合实验区自然资源与生态环境局/gu, 'www.d.gov.cn']] as const) {
      const to = copyAs(file, full, `fetched/${host}.txt`);
      const sha256 = crypto.createHash('sha256').update(fs.readFileSync(to)).digest('hex');
      fs.writeFileSync(`${to}.meta.json`, JSON.stringify({ url: `https://${host}/nb/2022.htm`, sha256, fetched_at: '2026-01-01T00:00:00Z' }));
    }
    await runAll({ db: f.db, input: f.raw, log: () => {} });
    const rows = await queryFile<{ name: string; years: string; statuses: string }>(
      f.db,
      `SELECT b.name, string_agg(d.year::VARCHAR, ',' ORDER BY d.year) AS years, string_agg(DISTINCT s.status, ',') AS statuses
       FROM bodies b JOIN document_bodies d USING (body_id) JOIN document_status s USING (document_id) GROUP BY ALL ORDER BY b.name`,
    );
    expect(rows).toEqual([
      { name: '商务局（www.c.gov.cn）', years: '2022', statuses: 'loaded' },
      { name: '商务局（www.d.gov.cn）', years: '2022', statuses: 'loaded' },
      { name: '商务局（乙县）', years: '2022', statuses: 'loaded' },
      { name: '商务局（甲县）', years: '2021,2022', statuses: 'loaded' },
    ]);
    // the name as printed finds all four
    const alias = await queryFile<{ n: number }>(f.db, `SELECT count(DISTINCT body_id)::INT AS n FROM body_aliases WHERE alias = '商务局'`);
    expect(alias).toEqual([{ n: 4 }]);
    // and so a peer group cannot name one of them by it
    const groups = path.join(f.dir, 'groups.csv');
    fs.writeFileSync(groups, 'group,body\n甲,商务局\n');
    await expect(withDb(f.db, () => {}, (db) => loadGroups(db, groups))).rejects.toThrow(/商务局 names more than one body/u);
    fs.writeFileSync(groups, 'group,body\n甲,商务局（甲县）\n');
    await expect(withDb(f.db, () => {}, (db) => loadGroups(db, groups))).resolves.toEqual({ groups: 1, members: 1 });
  }, 60_000);
});
