// The published CSV and XLSX files as a spreadsheet or a program reads them (issue 11): a real
// `xxgk run` of the bundled samples and a real `xxgk publish` into a temp folder, read back.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRead, query } from '../pipeline/db/duck.ts';

const BIN = path.resolve('bin/xxgk.js');
let dir: string;
let dbFile: string;
let out: string;

async function xxgk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [BIN, ...args], { cwd: dir, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
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

const readCsv = (f: string) => parse(fs.readFileSync(f, 'utf8').replace(/^\ufeff/u, ''), { columns: true }) as Record<string, string>[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-files-'));
  dbFile = path.join(dir, 'x.duckdb');
  out = path.join(dir, 'reports');
  const run = await xxgk('run', path.resolve('data/samples'), '--db', dbFile, '--allow-rejected');
  expect(run.code, run.stderr).toBe(0);
  const pub = await xxgk('publish', '--db', dbFile, '--out', out);
  expect(pub.code, pub.stderr).toBe(0);
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('CSV', () => {
  it('each table carries year, region code and body id, so that the years stack into one table', async () => {
    const years = fs.readdirSync(out).filter((d) => /^\d{4}$/u.test(d));
    expect(years.length).toBeGreaterThan(3);
    const stacked = years.flatMap((y) => readCsv(path.join(out, y, 'outcomes.csv')));
    const db = await sql<{ year: number; body_id: string; region_code: string | null; name: string }>(
      `SELECT DISTINCT m.year, m.body_id, b.region_code, b.name FROM mart_outcomes m JOIN bodies b USING (body_id) WHERE group_kind = 'built_in'`,
    );
    expect(stacked).toHaveLength(db.length);
    const key = (y: unknown, id: unknown) => `${y}|${id}`;
    const want = new Map(db.map((r) => [key(r.year, r.body_id), r]));
    for (const r of stacked) {
      const w = want.get(key(r['年度 (year)'], r['单位代码 (body_id)']))!;
      expect(w, JSON.stringify(r)).toBeDefined();
      expect(r['单位 (body)']).toBe(w.name);
      expect(r['行政区划代码 (region_code)']).toBe(w.region_code ?? '');
    }
    // the data-quality table (whose mart has no region column) gets its region codes too
    const q = readCsv(path.join(out, '2022', 'data_quality.csv'));
    const lg = q.find((r) => r['单位 (body)'] === '深圳市龙岗区人民政府')!;
    expect(lg['行政区划代码 (region_code)']).toBe('440307');
  });

  it('ranks are whole numbers with the group size beside them, equal to metric_rankings', async () => {
    const rows = readCsv(path.join(out, '2022', 'outcomes.csv'));
    const ranked = rows.filter((r) => r['本机关不掌握相关政府信息占比名次 (not_held_share_rank)'] !== '');
    expect(ranked.length).toBeGreaterThan(1);
    const db = await sql<{ body_id: string; rank: bigint; ranked_in_group: bigint }>(
      `SELECT body_id, rank, ranked_in_group FROM metric_rankings JOIN peer_groups USING (group_id, body_id)
       WHERE kind = 'built_in' AND year = 2022 AND metric = 'not_held_share' AND rank IS NOT NULL`,
    );
    expect(ranked).toHaveLength(db.length);
    for (const r of ranked) {
      const rank = r['本机关不掌握相关政府信息占比名次 (not_held_share_rank)']!;
      const n = r['共N（参与排名数） (not_held_share_group_size)']!;
      expect(rank).toMatch(/^\d+$/u);
      const d = db.find((x) => x.body_id === r['单位代码 (body_id)'])!;
      expect([Number(rank), Number(n)]).toEqual([Number(d.rank), Number(d.ranked_in_group)]);
    }
    // nothing anywhere still reads like the page's "2/5"
    for (const t of ['applications', 'outcomes', 'review_litigation']) {
      expect(fs.readFileSync(path.join(out, '2022', `${t}.csv`), 'utf8')).not.toMatch(/,\d+\/\d+,/u);
    }
  });

  it('metrics.csv has exactly the rows of metrics.parquet, every year, with built-in ranks', async () => {
    const long = readCsv(path.join(out, 'metrics.csv'));
    expect(Object.keys(long[0]!).slice(0, 10)).toEqual(['year', 'body', 'level', 'region_code', 'metric', 'value', 'base_n', 'small_n', 'rank', 'group_size']);
    const pq = await sql<{ year: number; body: string; metric: string; value: number | null; base_n: bigint | null; small_n: boolean }>(
      `SELECT year, body, metric, value, base_n, small_n FROM read_parquet($1)`,
      [path.join(out, 'parquet', 'metrics.parquet')],
    );
    expect(long).toHaveLength(pq.length);
    expect(new Set(long.map((r) => r.year)).size).toBe(new Set(pq.map((r) => r.year)).size);
    // same rows in the same order, values to the last bit (shares as 0–1, not rounded percentages)
    long.forEach((r, i) => {
      const p = pq[i]!;
      expect([Number(r.year), r.body, r.metric, r.value === '' ? null : Number(r.value), r.base_n === '' ? null : BigInt(r.base_n!), r.small_n === 'true']).toEqual([
        p.year,
        p.body,
        p.metric,
        p.value,
        p.base_n,
        p.small_n,
      ]);
    });
    const lg = long.find((r) => r.body === '深圳市龙岗区人民政府' && r.year === '2022' && r.metric === 'not_held_share')!;
    expect(lg).toMatchObject({ level: 'district', region_code: '440307', base_n: '535', small_n: 'false' });
    expect(Number(lg.value)).toBe(283 / 535);
    const [rk] = await sql<{ rank: bigint; n: bigint }>(
      `SELECT rank, ranked_in_group AS n FROM metric_rankings JOIN peer_groups USING (group_id, body_id) JOIN bodies b USING (body_id)
       WHERE kind = 'built_in' AND b.name = '深圳市龙岗区人民政府' AND year = 2022 AND metric = 'not_held_share'`,
    );
    expect([lg.rank, lg.group_size]).toEqual([String(rk!.rank), String(rk!.n)]);
    // a small-number rate has its value but no rank
    expect(long.filter((r) => r.small_n === 'true').every((r) => r.rank === '' && r.group_size === '')).toBe(true);
  });
});
