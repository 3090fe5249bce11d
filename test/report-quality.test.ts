// The quality of the reports themselves, on real corpus reports in a real database: two years of
// one body (平潭综合实验区 2021 and 2022), a copy of its 2022 report passed off as 2023 (only the
// year changed: copied text must measure as copied), and a report whose sections 五 and 六 are
// emptied and removed (completeness).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { openRead, query } from '../pipeline/db/duck.ts';
import { publish } from '../pipeline/publish/publish.ts';
import { runAll } from '../pipeline/stages.ts';
import { CORPUS, corpusFolder, queryFile } from './helpers.ts';

let dir: string;
let db: string;

beforeAll(async () => {
  let raw: string;
  ({ dir, raw, db } = corpusFolder('quality', ['pingtan_2021_1.txt', 'pingtan_2022_1.txt']));
  fs.writeFileSync(path.join(raw, 'pingtan_2023_copy.txt'), fs.readFileSync(path.join(CORPUS, 'pingtan_2022_1.txt'), 'utf8').replaceAll('2022', '2023'));
  const gaj = fs.readFileSync(path.join(CORPUS, 'pingtan-gaj_2022_1.txt'), 'utf8');
  const cut = gaj.replace(/(五、存在的主要问题及改进情况)[^]*?(?=六、其他需要报告的事项)/u, '$1\n无。\n').replace(/六、其他需要报告的事项[^]*$/u, '');
  expect(cut).not.toBe(gaj);
  fs.writeFileSync(path.join(raw, 'pingtan-gaj_2022_cut.txt'), cut);
  await runAll({ db, input: raw, log: () => {} });
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function quality() {
  const rows = await queryFile(db, `SELECT b.name, q.* FROM report_quality q JOIN bodies b USING (body_id) ORDER BY b.name, q.year`);
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

describe('report_quality', () => {
  it('measures text carried over from the same body\'s previous report, NULL where there is none', async () => {
    const rows = (await quality()).filter((r) => r.name === '平潭综合实验区');
    expect(rows.map((r) => r.year)).toEqual([2021, 2022, 2023]);
    const [y21, y22, y23] = rows as [Record<string, number | null>, Record<string, number | null>, Record<string, number | null>];
    // the first report has nothing to be compared with: unknown, not 0
    expect(y21).toMatchObject({ previous_year: null, s1_similarity: null, sentences_carried_share: null });
    // two real years: rewritten, with a few phrases in common
    expect(y22.previous_year).toBe(2021);
    expect(y22.s1_similarity).toBeGreaterThan(0);
    expect(y22.s1_similarity).toBeLessThan(0.3);
    expect(y22.sentences_carried_share).toBeLessThan(0.2);
    expect(y22.n_sentences).toBeGreaterThan(20);
    // the copy with only its year changed: the same text, every sentence carried over
    expect(y23).toMatchObject({ previous_year: 2022, s1_similarity: 1, s5_similarity: 1, s6_similarity: 1, sentences_carried_share: 1 });
  });

  it('tells which sections are missing or empty, and which tables are there', async () => {
    const gaj = (await quality()).find((r) => r.name === '平潭综合实验区公安局')!;
    expect(gaj).toMatchObject({ sections_present: 5, missing_sections: '六', s5_empty: true, s6_empty: null, has_t2: true, has_t3: true, has_t4: true });
    const full = (await quality()).find((r) => r.name === '平潭综合实验区' && r.year === 2022)!;
    expect(full).toMatchObject({ sections_present: 6, missing_sections: null, s5_empty: false, s6_empty: false, n_prose_mismatches: 1, timeliness: 'late', days_late: 20 });
  });

  it('is published per peer group, ranked by the share carried over', async () => {
    const d = await openRead(db);
    try {
      const r = await query<{ name: string; year: number; carried_rank: bigint | null }>(
        d,
        `SELECT b.name, q.year, q.carried_rank FROM report_quality_ranked q JOIN bodies b USING (body_id) WHERE q.group_kind = 'built_in' ORDER BY b.name, q.year`,
      );
      expect(r.filter((x) => x.name === '平潭综合实验区').map((x) => [x.year, x.carried_rank])).toEqual([
        [2021, null],
        [2022, 1n],
        [2023, 1n],
      ]);
    } finally {
      d.close();
    }
  });

  it('publishes the carried-over rank as a number with its group size (共N), as the other ranks', async () => {
    const out = path.join(dir, 'published');
    await publish({ db, out, year: 2023, smallN: 10 }, () => {});
    const [head, ...rows] = parse(fs.readFileSync(path.join(out, '2023', 'report_quality.csv'), 'utf8').replace(/^\uFEFF/u, '')) as string[][];
    const at = (code: string) => head!.findIndex((h) => h.endsWith(`(${code})`));
    expect(head![at('carried_rank')]).toBe('沿用占比名次 (carried_rank)');
    expect(head![at('carried_group_size')]).toBe('共N（参与排名数） (carried_group_size)');
    const ranked = await queryFile<{ body_id: string; carried_rank: bigint; carried_ranked_of: bigint }>(
      db,
      `SELECT body_id, carried_rank, carried_ranked_of FROM report_quality_ranked WHERE year = 2023 AND group_kind = 'built_in' AND carried_rank IS NOT NULL`,
    );
    expect(ranked.length).toBeGreaterThan(0);
    for (const r of ranked) {
      const row = rows.find((x) => x[at('body_id')] === r.body_id)!;
      expect([row[at('carried_rank')], row[at('carried_group_size')]]).toEqual([String(r.carried_rank), String(r.carried_ranked_of)]);
    }
    // never the text "1/2" of the pages
    expect(rows.every((x) => x[at('carried_rank')] === '' || /^\d+$/u.test(x[at('carried_rank')]!))).toBe(true);
  });
});

