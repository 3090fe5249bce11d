// A year with more bodies than the split threshold is published as a page per province under an
// index of the provinces (issue 9: at national scale no year page of hundreds of MB). A real small
// database (2022: 平潭 and five of its departments in 福建省, 龙岗区 in 广东省; 2024: 平潭 and two
// departments, 淮安市 in 江苏省), the threshold lowered to 2 bodies through XXGK_YEAR_PAGE_SPLIT.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../pipeline/publish/publish.ts';
import { provinceFile } from '../pipeline/publish/site/site.ts';
import { runAll } from '../pipeline/stages.ts';
import { corpusFolder, queryFile } from './helpers.ts';

const FILES = [
  'longgang-2022.txt',
  'pingtan_2022_1.txt',
  'pingtan-czj_2022_1.txt',
  'pingtan-gaj_2022_1.txt',
  'pingtan-lyy_2022_1.txt',
  'pingtan-nyn_2022_1.txt',
  'pingtan-zrz_2022_1.txt',
  'pingtan_2024_1.txt',
  'pingtan-gaj_2024_1.txt',
  'pingtan-zhz_2024_1.txt',
  'huaian-2024.pdf',
  'pingtan-jtj_2021_1.txt',
];
const log = () => {};
let f: ReturnType<typeof corpusFolder>;
let split: string;
let whole: string;

/** The rows a year page carries for the grid (its JSON), and the body links of its plain tables. */
function pageRows(file: string): { body_id: string; province: string | null }[] {
  const html = fs.readFileSync(file, 'utf8');
  const m = /<script type="application\/json" id="xxgk-data">([\s\S]*?)<\/script>/u.exec(html);
  if (!m) throw new Error(`${file} carries no grid data`);
  return (JSON.parse(m[1]!) as { rows: { body_id: string; province: string | null }[] }).rows;
}

/** Bodies of a year on its page(s), with their province, from the database. */
async function yearBodies(year: number) {
  return queryFile<{ body_id: string; province: string | null; code: string | null }>(
    f.db,
    `SELECT DISTINCT q.body_id, reg.province, left(b.region_code, 2) AS code FROM mart_data_quality q JOIN bodies b USING (body_id)
     LEFT JOIN regions reg ON reg.code = b.region_code WHERE q.year = $1 AND q.group_kind = 'built_in' ORDER BY 1`,
    [year],
  );
}

beforeAll(async () => {
  f = corpusFolder('site-split', FILES);
  await runAll({ db: f.db, input: f.raw, log });
  split = path.join(f.dir, 'split');
  whole = path.join(f.dir, 'whole');
  process.env.XXGK_YEAR_PAGE_SPLIT = '2';
  try {
    await publish({ db: f.db, out: split, smallN: 10 }, log);
  } finally {
    delete process.env.XXGK_YEAR_PAGE_SPLIT;
  }
  await publish({ db: f.db, out: whole, smallN: 10 }, log);
}, 240_000);
afterAll(() => fs.rmSync(f.dir, { recursive: true, force: true }));

describe('a year past the threshold: a page per province', () => {
  for (const year of [2022, 2024]) {
    it(`${year}: the year's index links a page per province, and every body is on exactly one, its own province's`, async () => {
      const bodies = await yearBodies(year);
      const provinces = [...new Set(bodies.map((b) => b.code))];
      expect(bodies.length).toBeGreaterThan(2);
      expect(provinces.length).toBeGreaterThanOrEqual(2);
      const index = fs.readFileSync(path.join(split, String(year), 'index.html'), 'utf8');
      // the index is a list of provinces, not the grid
      expect(index).not.toContain('id="xxgk-data"');
      const links = [...index.matchAll(/<a href="(province-[^"]+\.html)">([^<]+)<\/a>/gu)].map((m) => ({ file: m[1]!, name: m[2]! }));
      expect(links.map((l) => l.file).sort()).toEqual(provinces.map((c) => provinceFile(c)).sort());
      const seen = new Map<string, number>();
      for (const l of links) {
        const file = path.join(split, String(year), l.file);
        expect(fs.existsSync(file), l.file).toBe(true);
        const html = fs.readFileSync(file, 'utf8');
        expect(html).toContain(`${year} 年政府信息公开工作年度报告比较 · ${l.name}`);
        for (const r of pageRows(file)) {
          seen.set(r.body_id, (seen.get(r.body_id) ?? 0) + 1);
          expect(r.province).toBe(l.name);
          // the plain table (no JavaScript) links the body's page too
          expect(html).toContain(`href="../bodies/${r.body_id}.html"`);
          expect(fs.existsSync(path.join(split, 'bodies', `${r.body_id}.html`))).toBe(true);
        }
        // the province's count on the index is its number of bodies
        const count = new RegExp(`<a href="${l.file}">[^<]+</a></td><td class="n">(\\d+)</td>`, 'u').exec(index)?.[1];
        expect(Number(count)).toBe(bodies.filter((b) => provinceFile(b.code) === l.file).length);
      }
      expect([...seen.keys()].sort()).toEqual(bodies.map((b) => b.body_id));
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
    });
  }

  it('a year within the threshold keeps its one page; without the lowered threshold no year is split', async () => {
    // 2021 has one body: one page, no province pages, even with the threshold at 2
    expect(fs.readdirSync(path.join(split, '2021')).filter((n) => n.startsWith('province-'))).toEqual([]);
    expect(pageRows(path.join(split, '2021', 'index.html')).map((r) => r.body_id)).toEqual((await yearBodies(2021)).map((b) => b.body_id));
    for (const year of [2022, 2024]) {
      expect(fs.readdirSync(path.join(whole, String(year))).filter((n) => n.startsWith('province-'))).toEqual([]);
      const rows = pageRows(path.join(whole, String(year), 'index.html'));
      expect(rows.map((r) => r.body_id).sort()).toEqual((await yearBodies(year)).map((b) => b.body_id));
    }
  });

  it('the province pages hold the same rows as the unsplit year page', () => {
    for (const year of [2022, 2024]) {
      const one = pageRows(path.join(whole, String(year), 'index.html'));
      const parts = fs
        .readdirSync(path.join(split, String(year)))
        .filter((n) => n.startsWith('province-'))
        .flatMap((n) => pageRows(path.join(split, String(year), n)));
      const key = (r: object) => JSON.stringify(r);
      expect(parts.map(key).sort()).toEqual(one.map(key).sort());
    }
  });
});
