// report_card: one row per report with every metric of the dictionary under its code, its base
// and small-number flag, on a real database built from fixtures; and the README recipe.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Db, openRead, query } from '../pipeline/db/duck.ts';
import { readMetrics } from '../pipeline/load/docs.ts';
import { runAll } from '../pipeline/stages.ts';
import { CORPUS } from './helpers.ts';

let dir: string;
let dbFile: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-card-'));
  const input = path.join(dir, 'raw');
  dbFile = path.join(dir, 'xxgk.duckdb');
  fs.mkdirSync(input);
  for (const f of ['longgang-2022.txt', 'pingtan_2022_1.txt', 'pingtan_2021_1.txt', 'pingtan-gaj_2022_1.txt', 'pingtan-gaj_2019_1.txt']) {
    fs.copyFileSync(path.join(CORPUS, f), path.join(input, f));
  }
  await runAll({ db: dbFile, input, log: () => {} });
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function withRead<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openRead(dbFile);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

it('has one row per report and every metric of the dictionary with its base and small-n flag', async () => {
  await withRead(async (db) => {
    const [n] = await query<{ cards: number; reports: number }>(db, `SELECT (SELECT count(*) FROM report_card)::INT AS cards, (SELECT count(*) FROM reports)::INT AS reports`);
    expect(n!.cards).toBe(n!.reports);
    const cols = (await query<{ c: string }>(db, `SELECT column_name AS c FROM duckdb_columns() WHERE table_name = 'report_card'`)).map((r) => r.c);
    for (const m of readMetrics()) expect(cols).toEqual(expect.arrayContaining([m.code, `${m.code}_base`, `${m.code}_small_n`]));
    expect(cols.slice(0, 13)).toEqual(['report_id', 'body_id', 'body', 'level', 'level_zh', 'region_code', 'region', 'province', 'parent_body_id', 'parent', 'year', 'format', 'extract_status']);
  });
});

it('agrees with report_metrics cell by cell', async () => {
  await withRead(async (db) => {
    const codes = readMetrics().map((m) => m.code);
    const unpivot = `UNPIVOT (SELECT report_id, ${codes.map((c) => `${c}::DOUBLE AS ${c}`).join(', ')} FROM report_card) ON ${codes.join(', ')} INTO NAME metric VALUE value`;
    const [d] = await query<{ only_card: number; only_metrics: number }>(
      db,
      `SELECT (SELECT count(*) FROM (FROM (${unpivot}) EXCEPT SELECT report_id, metric, value FROM report_metrics WHERE value IS NOT NULL))::INT AS only_card,
              (SELECT count(*) FROM (SELECT report_id, metric, value FROM report_metrics WHERE value IS NOT NULL EXCEPT FROM (${unpivot})))::INT AS only_metrics`,
    );
    expect(d).toEqual({ only_card: 0, only_metrics: 0 });
  });
});

it('answers "which district had the highest not-held share in 2022" in one query (the README recipe)', async () => {
  await withRead(async (db) => {
    const rows = await query<{ body: string; province: string; not_held_share: number; not_held_share_base: bigint }>(
      db,
      `SELECT body, province, not_held_share, not_held_share_base
       FROM report_card
       WHERE level = 'district' AND year = 2022 AND NOT not_held_share_small_n
       ORDER BY not_held_share DESC NULLS LAST
       LIMIT 1`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body).toBe('深圳市龙岗区人民政府');
    expect(rows[0]!.province).toBe('广东省');
    expect(rows[0]!.not_held_share).toBeCloseTo(283 / 535, 12);
    expect(Number(rows[0]!.not_held_share_base)).toBe(535);
  });
});

it('small_n follows SET VARIABLE small_n', async () => {
  await withRead(async (db) => {
    const flag = async () =>
      (await query<{ f: boolean }>(db, `SELECT not_held_share_small_n AS f FROM report_card WHERE body = '深圳市龙岗区人民政府' AND year = 2022`))[0]!.f;
    expect(await flag()).toBe(false);
    await db.conn.run('SET VARIABLE small_n = 1000');
    expect(await flag()).toBe(true);
  });
});
