// The Parquet lake (issue 9): `xxgk publish` writes the cells and metrics partitioned by year and
// province; read back by glob they equal the database, blank/0/'/' intact, and a filter on the
// partition keys reads only the matching files.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWrite } from '../pipeline/db/duck.ts';
import { lakeExports, writeLake } from '../pipeline/publish/lake.ts';
import { publish } from '../pipeline/publish/publish.ts';
import { runAll } from '../pipeline/stages.ts';
import { corpusFolder, queryFile } from './helpers.ts';

let dir: string;
let db: string;
let lake: string;
const SAMPLES = ['longgang-2022.txt', 'pingtan_2019_1.txt', 'pingtan_2022_1.txt', 'pingtan-zrz_2020_1.txt', 'shanghai-bgt_2019_1.json'];
const HIVE = "hive_partitioning = true, hive_types = {'year': INTEGER, 'province': VARCHAR}";

beforeAll(async () => {
  let raw: string;
  ({ dir, raw, db } = corpusFolder('lake', SAMPLES));
  await runAll({ db, input: raw, log: () => {} });
  lake = path.join(dir, 'lake');
  await publish({ db, out: path.join(dir, 'reports'), smallN: 10, lake }, () => {});
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sql = <T = Record<string, unknown>>(q: string) => queryFile<T>(db, q);

describe('the Parquet lake', () => {
  it('holds one folder per table, year and province', async () => {
    expect(lakeExports()).toEqual(['metrics', 't2_cells', 't3_cells', 't4_cells']);
    const expected = await sql<{ year: number; province: string }>(
      `SELECT DISTINCT r.year, coalesce(left(b.region_code, 2), '00') AS province FROM reports r JOIN bodies b USING (body_id) ORDER BY ALL`,
    );
    expect(expected.some((e) => e.province === '44') && expected.some((e) => e.province === '31')).toBe(true);
    const folders = fs.readdirSync(path.join(lake, 't3_cells')).flatMap((y) => fs.readdirSync(path.join(lake, 't3_cells', y)).map((p) => `${y}/${p}`));
    expect(folders.sort()).toEqual(expected.map((e) => `year=${e.year}/province=${e.province}`).sort());
    for (const f of folders) expect(fs.readdirSync(path.join(lake, 't3_cells', f))).toEqual(['part-0.parquet']);
  });

  it.each(['t2_cells', 't3_cells', 't4_cells'])('%s read back by glob equals the database, cell kinds included', async (t) => {
    const glob = path.join(lake, t, '*', '*', '*.parquet');
    const key = t === 't4_cells' ? 'group_code' : 'row_code';
    const cols = `report_id, ${key}, col_code, value, raw_text, cell_kind`;
    const [diff] = await sql<{ missing: bigint; extra: bigint; n: bigint }>(`
      WITH db AS (SELECT ${cols} FROM ${t}), lk AS (SELECT ${cols} FROM read_parquet('${glob}', ${HIVE}))
      SELECT (SELECT count(*) FROM (SELECT * FROM db EXCEPT ALL SELECT * FROM lk)) AS missing,
             (SELECT count(*) FROM (SELECT * FROM lk EXCEPT ALL SELECT * FROM db)) AS extra,
             (SELECT count(*) FROM lk) AS n`);
    expect(Number(diff!.n)).toBeGreaterThan(0);
    expect([Number(diff!.missing), Number(diff!.extra)]).toEqual([0, 0]);
  });

  it('keeps blank, 0 and / apart', async () => {
    const glob = path.join(lake, 't3_cells', '*', '*', '*.parquet');
    const rows = await sql<{ cell_kind: string; n: bigint; nulls: bigint }>(
      `SELECT cell_kind, count(*) AS n, count(*) FILTER (WHERE value IS NULL) AS nulls FROM read_parquet('${glob}', ${HIVE}) GROUP BY ALL ORDER BY ALL`,
    );
    const kinds = Object.fromEntries(rows.map((r) => [r.cell_kind, [Number(r.n), Number(r.nulls)]]));
    // the 2019 Shanghai page prints blanks: they stay blank (NULL), numbers stay numbers
    expect(kinds.blank![0]).toBeGreaterThan(0);
    expect(kinds.blank![1]).toBe(kinds.blank![0]);
    expect(kinds.number![1]).toBe(0);
  });

  it('a filter on year and province reads only that partition', async () => {
    const glob = path.join(lake, 't3_cells', '*', '*', '*.parquet');
    const plan = await sql<{ explain_value: string }>(`EXPLAIN ANALYZE SELECT count(*) FROM read_parquet('${glob}', ${HIVE}) WHERE year = 2022 AND province = '44'`);
    const text = plan.map((p) => Object.values(p).join('\n')).join('\n');
    const total = fs.readdirSync(path.join(lake, 't3_cells')).flatMap((y) => fs.readdirSync(path.join(lake, 't3_cells', y))).length;
    expect(total).toBeGreaterThan(2);
    expect(text).toMatch(new RegExp(`Scanning Files: 1/${total}`, 'u'));
  });

  it('publishing one year again replaces its partitions and keeps the others', async () => {
    const before = fs.readdirSync(path.join(lake, 'metrics')).sort();
    const glob = path.join(lake, 'metrics', '*', '*', '*.parquet');
    const count = async () => (await sql<{ n: bigint }>(`SELECT count(*) AS n FROM read_parquet('${glob}', ${HIVE})`))[0]!.n;
    const n = await count();
    // a partition the database no longer has (a body whose region was corrected): a stale copy
    const stale = path.join(lake, 'metrics', 'year=2022', 'province=99');
    fs.mkdirSync(stale);
    fs.copyFileSync(path.join(lake, 'metrics', 'year=2022', 'province=44', 'part-0.parquet'), path.join(stale, 'part-0.parquet'));
    const other = path.join(lake, 'metrics', 'year=2019', 'province=31', 'part-0.parquet');
    const otherBefore = fs.statSync(other).mtimeMs;
    await publish({ db, out: path.join(dir, 'reports'), smallN: 10, lake, year: 2022 }, () => {});
    expect(fs.readdirSync(path.join(lake, 'metrics')).sort()).toEqual(before);
    expect(await count()).toBe(n);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.statSync(other).mtimeMs).toBe(otherBefore);
  });
});

describe('the lake from sorted Parquet files', () => {
  it("keeps each partition in report and cell order, past the partitioned writer's flush", async () => {
    // four exports of 600,000 rows over three partitions, in the order writeParquet leaves them:
    // past the 524,288 rows after which DuckDB's partitioned writer flushes (it then wrote the first rows last)
    const src = path.join(dir, 'sorted');
    const out = path.join(dir, 'sorted-lake');
    fs.mkdirSync(src, { recursive: true });
    const conn = await openWrite(path.join(dir, 'scratch.duckdb'));
    try {
      for (const name of lakeExports()) {
        await conn.conn.run(
          `COPY (SELECT 2020 + (i % 3)::INTEGER AS year, '44' AS province, printf('r%06d', i // 7) AS report_id, printf('c%02d', i % 7) AS cell
                 FROM range(600000) t(i) ORDER BY year, province, report_id, cell)
           TO '${path.join(src, `${name}.parquet`)}' (FORMAT parquet)`,
        );
      }
      await writeLake(conn, out, [2020, 2021, 2022], src);
    } finally {
      conn.close();
    }
    for (const name of lakeExports()) {
      const rows = await sql<{ file: string; n: bigint; unsorted: bigint }>(
        `SELECT filename AS file, count(*) AS n, count(*) FILTER (WHERE want <> file_row_number) AS unsorted FROM (
           SELECT filename, file_row_number, row_number() OVER (PARTITION BY filename ORDER BY report_id, cell) - 1 AS want
           FROM read_parquet('${path.join(out, name, '*', '*', '*.parquet')}', filename = true, file_row_number = true))
         GROUP BY ALL ORDER BY ALL`,
      );
      expect(rows.map((r) => [path.relative(path.join(out, name), r.file), Number(r.n), Number(r.unsorted)])).toEqual(
        [2020, 2021, 2022].map((y) => [`year=${y}/province=44/part-0.parquet`, 200000, 0]),
      );
    }
  });
});
