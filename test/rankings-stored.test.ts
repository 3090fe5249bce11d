// Rankings are materialized at load (metric_rankings_stored): metric_rankings reads them, and is
// still exactly the ranking computed afresh, for user groups added after the load and for any
// small-number threshold.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openRead, query } from '../pipeline/db/duck.ts';
import { loadGroups } from '../pipeline/publish/groups.ts';
import { runAll, withDb } from '../pipeline/stages.ts';
import { CORPUS } from './helpers.ts';

let dir: string;
let dbFile: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-rankings-'));
  const input = path.join(dir, 'raw');
  dbFile = path.join(dir, 'xxgk.duckdb');
  fs.mkdirSync(input);
  for (const f of ['longgang-2022.txt', 'pingtan_2021_1.txt', 'pingtan_2022_1.txt', 'pingtan-gaj_2022_1.txt', 'pingtan-czj_2022_1.txt', 'pingtan-lyy_2022_1.txt', 'pingtan-nyn_2022_1.txt', 'pingtan-zrz_2022_1.txt']) {
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

/** Rows of metric_rankings and of the ranking computed now, each side minus the other. */
const difference = (db: Db) =>
  query<{ only_in_rankings: number; only_in_fresh: number; n: number }>(
    db,
    `SELECT (SELECT count(*) FROM (FROM metric_rankings EXCEPT ALL FROM rank_metrics(['built_in', 'user'])))::INT AS only_in_rankings,
            (SELECT count(*) FROM (FROM rank_metrics(['built_in', 'user']) EXCEPT ALL FROM metric_rankings))::INT AS only_in_fresh,
            (SELECT count(*) FROM metric_rankings)::INT AS n`,
  );

describe('materialized rankings', () => {
  it('are a table built at load, and metric_rankings is exactly the fresh ranking', async () => {
    await withRead(async (db) => {
      const [t] = await query<{ n: number }>(db, `SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name = 'metric_rankings_stored'`);
      expect(t!.n).toBe(1);
      const [d] = await difference(db);
      expect(d).toMatchObject({ only_in_rankings: 0, only_in_fresh: 0 });
      expect(d!.n).toBeGreaterThan(100);
    });
  });

  it('follow SET VARIABLE small_n: another threshold ranks afresh', async () => {
    await withRead(async (db) => {
      const ranked = async () => (await query<{ n: number }>(db, `SELECT count(rank)::INT AS n FROM metric_rankings`))[0]!.n;
      const atDefault = await ranked();
      await db.conn.run('SET VARIABLE small_n = 1000');
      expect(await ranked()).toBeLessThan(atDefault);
      expect(await difference(db)).toMatchObject([{ only_in_rankings: 0, only_in_fresh: 0 }]);
      await db.conn.run('SET VARIABLE small_n = 0');
      expect(await ranked()).toBeGreaterThan(atDefault);
      await db.conn.run('RESET VARIABLE small_n');
      expect(await ranked()).toBe(atDefault);
    });
  });

  it('include user groups written after the load (xxgk publish --groups)', async () => {
    const groups = path.join(dir, 'groups.csv');
    fs.writeFileSync(groups, 'group,body\n比较A,深圳市龙岗区人民政府\n比较A,平潭综合实验区\n');
    await withDb(dbFile, () => {}, (db) => loadGroups(db, groups));
    await withRead(async (db) => {
      const rows = await query<{ body_id: string; rank: number | null }>(
        db,
        `SELECT body_id, rank::INT AS rank FROM metric_rankings WHERE group_id = 'user:比较A' AND year = 2022 AND metric = 'new_applications' ORDER BY rank`,
      );
      expect(rows.map((r) => r.rank)).toEqual([1, 2]);
      expect(await difference(db)).toMatchObject([{ only_in_rankings: 0, only_in_fresh: 0 }]);
    });
  });
});
