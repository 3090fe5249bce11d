// Metrics computed by hand from the gold numbers, comparisons, and the published files.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRead, query } from '../pipeline/db/duck.ts';
import { loadGroups } from '../pipeline/publish/groups.ts';
import { publish } from '../pipeline/publish/publish.ts';
import { runAll, withDb } from '../pipeline/stages.ts';
import { CORPUS, readGold } from './helpers.ts';

let dir: string;
let dbFile: string;
const log = () => {};
const SAMPLES = ['longgang-2022.txt', 'pingtan_2021_1.txt', 'pingtan_2022_1.txt', 'pingtan_2024_1.txt', 'pingtan_2019_1.txt', 'pingtan-gaj_2024_1.txt', 'pingtan-zrz_2020_1.txt', 'pingtan-zrz_2022_1.txt', 'huaian-2024.pdf'];

async function metric(body: string, year: number, code: string, smallN = 10) {
  const db = await openRead(dbFile);
  try {
    await db.conn.run(`SET VARIABLE small_n = ${smallN}`);
    const rows = await query<{ value: number | null; small_n: boolean; format_specific: boolean; base_n: bigint | null }>(
      db,
      `SELECT m.value, m.small_n, m.format_specific, m.base_n FROM report_metrics m JOIN bodies b USING (body_id) WHERE b.name = $1 AND m.year = $2 AND m.metric = $3`,
      [body, year, code],
    );
    expect(rows).toHaveLength(1);
    return rows[0]!;
  } finally {
    db.close();
  }
}

async function sql<T = Record<string, unknown>>(q: string, params: unknown[] = []): Promise<T[]> {
  const db = await openRead(dbFile);
  try {
    return await query<T>(db, q, params);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-publish-'));
  const raw = path.join(dir, 'raw');
  fs.mkdirSync(raw);
  for (const f of SAMPLES) fs.copyFileSync(path.join(CORPUS, f), path.join(raw, f));
  // pingtan 2019 re-labelled as 2020 (title and statistics period, which decides the year): an
  // f2019 report next to the f2021 report of 2021
  fs.writeFileSync(path.join(raw, 'pingtan_2020_made.txt'), fs.readFileSync(path.join(CORPUS, 'pingtan_2019_1.txt'), 'utf8').replace(/2019年/gu, '2020年'));
  dbFile = path.join(dir, 'x.duckdb');
  await runAll({ db: dbFile, input: raw, log });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('metrics, computed by hand from the gold numbers', () => {
  const lg = readGold('longgang-2022.txt');
  const t3 = (row: string) => lg.t3[row]!.total!;
  const t4 = (g: string, c: string) => lg.t4[g]![c]!;
  const LG = '深圳市龙岗区人民政府';

  it('not-held share of 龙岗区 2022 = 283/535', async () => {
    const m = await metric(LG, 2022, 'not_held_share');
    expect(t3('unable_not_held') / t3('total_handled')).toBeCloseTo(0.529, 3);
    expect(m.value).toBeCloseTo(t3('unable_not_held') / t3('total_handled'), 12);
    expect(Number(m.base_n)).toBe(535);
  });
  it('disclosure and denial rates, organisation share', async () => {
    expect((await metric(LG, 2022, 'disclosure_rate')).value).toBeCloseTo((t3('granted') + t3('partly_granted')) / t3('total_handled'), 12);
    const denied = Object.keys(lg.t3).filter((r) => r.startsWith('denied_')).reduce((s, r) => s + t3(r), 0);
    expect((await metric(LG, 2022, 'denial_rate')).value).toBeCloseTo(denied / t3('total_handled'), 12);
    const nr = lg.t3.new_received!;
    expect((await metric(LG, 2022, 'org_share')).value).toBeCloseTo((nr.total! - nr.natural_person!) / nr.total!, 12);
  });
  it('review correction rate and litigation per 100 requests', async () => {
    const decided = t4('review', 'upheld') + t4('review', 'corrected') + t4('review', 'other');
    expect((await metric(LG, 2022, 'review_correction_rate')).value).toBeCloseTo(t4('review', 'corrected') / decided, 12);
    const lit = t4('lit_direct', 'total') + t4('lit_after_review', 'total');
    expect((await metric(LG, 2022, 'litigation_per_100')).value).toBeCloseTo((100 * lit) / t3('new_received'), 12);
  });
  it('year-on-year growth only between consecutive reports of the same body; a missing year gives NULL', async () => {
    const g21 = readGold('pingtan_2021_1.txt').t3.new_received!.total!;
    const g22 = readGold('pingtan_2022_1.txt').t3.new_received!.total!;
    expect((await metric('平潭综合实验区', 2022, 'new_growth_yoy')).value).toBeCloseTo((g22 - g21) / g21, 12);
    // no 2023 report: the 2024 growth is a gap, not a growth from zero
    expect((await metric('平潭综合实验区', 2024, 'new_growth_yoy')).value).toBeNull();
    const g19 = readGold('pingtan_2019_1.txt').t3.new_received!.total!;
    const g24 = readGold('pingtan_2024_1.txt').t3.new_received!.total!;
    expect((await metric('平潭综合实验区', 2024, 'new_growth_cagr')).value).toBeCloseTo((g24 / g19) ** (1 / 5) - 1, 12);
  });
  it('a rate over fewer than N requests is kept with its count but not ranked', async () => {
    const m = await metric('平潭综合实验区公安局', 2024, 'not_held_share');
    expect(m.small_n).toBe(true);
    expect(Number(m.base_n)).toBe(8);
    const [r] = await sql<{ rank: number | null; ranked: boolean }>(
      `SELECT rank, ranked FROM metric_rankings JOIN bodies USING (body_id) WHERE name = '平潭综合实验区公安局' AND year = 2024 AND metric = 'not_held_share'`,
    );
    expect(r).toEqual({ rank: null, ranked: false });
    expect((await metric('平潭综合实验区公安局', 2024, 'not_held_share', 5)).small_n).toBe(false);
  });
  it('flags metrics that cannot be compared across the 2019 and 2021 formats instead of mixing them', async () => {
    const f2019 = await metric('平潭综合实验区自然资源与生态环境局', 2020, 'other_no_correction_share');
    expect(f2019).toMatchObject({ value: null, format_specific: true });
    const trends = await sql<{ metric: string; format_change: boolean; change: number | null }>(
      `SELECT metric, format_change, change FROM metric_trends JOIN bodies USING (body_id)
       WHERE name = '平潭综合实验区' AND year = 2021 AND metric IN ('normative_docs_in_force', 'new_applications') ORDER BY metric`,
    );
    expect(trends).toEqual([
      { metric: 'new_applications', format_change: false, change: 70 - 23 },
      { metric: 'normative_docs_in_force', format_change: true, change: null },
    ]);
  });
  it('compares a region total with the sum over its departments', async () => {
    const rows = await sql<{ region_total: number; departments_sum: number; difference: number }>(
      `SELECT region_total, departments_sum, difference FROM cross_level WHERE body = '平潭综合实验区' AND year = 2024 AND metric = 'new_applications'`,
    );
    const gaj = readGold('pingtan-gaj_2024_1.txt').t3.new_received!.total!;
    expect(rows).toEqual([{ region_total: 218, departments_sum: gaj, difference: 218 - gaj }]);
  });
  it('shows coverage gaps: a body with no report in a year', async () => {
    const rows = await sql<{ year: number; has_report: boolean }>(`SELECT year, has_report FROM coverage WHERE body = '平潭综合实验区' ORDER BY year`);
    expect(rows.find((r) => r.year === 2023)).toBeUndefined(); // no body reported 2023 in this set
    const lg = await sql<{ year: number; has_report: boolean }>(`SELECT year, has_report FROM coverage WHERE body = '深圳市龙岗区人民政府' AND year = 2024`);
    expect(lg).toEqual([{ year: 2024, has_report: false }]);
  });
  it('checks across consecutive years: carried forward = next year\'s carried over (V3.5)', async () => {
    const rows = await sql<{ status: string; detail: string }>(
      `SELECT status, detail FROM cross_year_checks JOIN bodies b USING (body_id) WHERE rule = 'V3.5' AND b.name = '平潭综合实验区' AND year = 2021`,
    );
    const fwd = readGold('pingtan_2021_1.txt').t3.carried_forward!.total!;
    expect(readGold('pingtan_2022_1.txt').t3.carried_over!.total).toBe(fwd);
    expect(rows).toEqual([{ status: 'pass', detail: `carried_forward(2021) = ${fwd}, carried_over(2022) = ${fwd}` }]);
  });

  it('ranks within peer groups with ties sharing a rank', async () => {
    const rows = await sql<{ body: string; rank: number; value: number }>(
      `SELECT b.name AS body, rank, value FROM metric_rankings JOIN bodies b USING (body_id)
       WHERE year = 2024 AND metric = 'new_applications' AND group_id LIKE 'parent:%' ORDER BY rank, body`,
    );
    expect(rows.map((r) => r.rank)).toEqual([...rows.map((r) => r.rank)].sort((a, b) => a - b));
    for (let i = 1; i < rows.length; i++) if (rows[i]!.value === rows[i - 1]!.value) expect(rows[i]!.rank).toBe(rows[i - 1]!.rank);
  });
});

describe('xxgk publish', () => {
  const files = (d: string) => fs.readdirSync(d, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(d, f)).isFile()).sort();
  const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

  it('writes CSV with BOM, XLSX, Markdown, HTML and Parquet for every year, byte-identical on a second run', async () => {
    const a = path.join(dir, 'out-a');
    const b = path.join(dir, 'out-b');
    const ra = await publish({ db: dbFile, out: a, smallN: 10 }, log);
    await publish({ db: dbFile, out: b, smallN: 10 }, log);
    expect(ra.years).toEqual([2019, 2020, 2021, 2022, 2024]);
    const fa = files(a);
    expect(fa).toEqual(files(b));
    for (const f of fa) expect(hash(path.join(a, f)), f).toBe(hash(path.join(b, f)));
    for (const name of ['applications.csv', 'outcomes.csv', 'review_litigation.csv', 'data_quality.csv', 'tables.md', 'index.html', 'xxgk-2022.xlsx']) {
      expect(fa).toContain(path.join('2022', name));
    }
    expect(fa).toContain(path.join('parquet', 't3_cells.parquet'));
    const csv = fs.readFileSync(path.join(a, '2022', 'outcomes.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('深圳市龙岗区人民政府');
    expect(csv).toMatch(/深圳市龙岗区人民政府,[^\n]*,52\.9,/u);
  });

  it('the workbook has a cover, a sheet per table, codes above the Chinese headers, frozen panes and percent formats', async () => {
    const out = path.join(dir, 'out-x');
    await publish({ db: dbFile, out, year: 2022, smallN: 10 }, log);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '2022', 'xxgk-2022.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '依申请公开：收到和办理的申请', '办理结果与“本机关不掌握”占比', '行政复议与行政诉讼', '数据质量', '报告质量：完整性、与上年雷同、校验、及时性', '指标说明']);
    const ws = wb.worksheets[2]!;
    const codes = ws.getRow(1).values as string[];
    const header = ws.getRow(2).values as string[];
    const col = codes.indexOf('not_held_share');
    expect(header[col]).toContain('本机关不掌握相关政府信息占比');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getColumn(col).numFmt).toBe('0.0%');
    const lgRow = ws.getRows(3, ws.rowCount - 2)!.find((r) => r.getCell(2).value === '深圳市龙岗区人民政府')!;
    expect(Number(lgRow.getCell(col).value)).toBeCloseTo(283 / 535, 12);
  });

  it('ranks within a user-defined group from a CSV file', async () => {
    const groups = path.join(dir, 'groups.csv');
    fs.writeFileSync(groups, 'group,body\n比较A,深圳市龙岗区人民政府\n比较A,平潭综合实验区\n比较A,区公安局\n');
    await withDb(dbFile, log, (db) => loadGroups(db, groups));
    const out = path.join(dir, 'out-g');
    await publish({ db: dbFile, out, year: 2022, group: '比较A', smallN: 10 }, log);
    const csv = fs.readFileSync(path.join(out, '2022', 'applications.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(1 + 2); // header + the two members with a 2022 report
    expect(csv[1]).toMatch(/^比较A,深圳市龙岗区人民政府,.*,552,1,2,/u); // rank 1 of 2, as numbers
    fs.writeFileSync(groups, 'group,body\n比较B,没有这个单位\n');
    await expect(withDb(dbFile, log, (db) => loadGroups(db, groups))).rejects.toThrow(/no such body: 没有这个单位/u);
  });
});
