// The Parquet lake: the cell tables and the metrics as Hive-partitioned Parquet (year, province),
// for engines beyond one machine (DuckDB over object storage, Spark, Trino). The queries are
// sql/exports/*.sql; the lake is cut from the parquet/ files they wrote (parquet.ts), which are
// already in the lake's order: sorting the cells (with their source paths) was most of its cost.
import fs from 'node:fs';
import path from 'node:path';
import { type Db, query, SQL_DIR, sqlString as quote } from '../db/duck.ts';

const EXPORTS_DIR = path.join(SQL_DIR, 'exports');

export function lakeExports(): string[] {
  return fs
    .readdirSync(EXPORTS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => f.replace(/\.sql$/u, ''));
}

/** The query of sql/exports/<name>.sql, without its closing semicolon. */
export const exportQuery = (name: string) => fs.readFileSync(path.join(EXPORTS_DIR, `${name}.sql`), 'utf8').replace(/;\s*$/u, '');

/**
 * Writes `<dir>/<export>/year=Y/province=P/part-0.parquet` for the given years from
 * `<parquetDir>/<export>.parquet` (writeParquet of the same years); returns the folders.
 * A COPY per partition rather than DuckDB's PARTITION_BY: its partitioned writer (1.5) puts the
 * first block of a partition's rows at the end of the file, so the files were not in report
 * order; reading a partition's rows from the sorted file costs the same (3.8 s against 3.6 s for
 * table 3 at 10k reports).
 */
export async function writeLake(db: Db, dir: string, years: number[], parquetDir: string): Promise<string[]> {
  // one thread: each file then holds its rows in the sorted file's order on every run
  await db.conn.run('SET threads = 1');
  const out: string[] = [];
  for (const name of lakeExports()) {
    const target = path.join(dir, name);
    // a year published again replaces its partitions; other years' partitions stay
    for (const y of years) fs.rmSync(path.join(target, `year=${y}`), { recursive: true, force: true });
    const source = quote(path.join(parquetDir, `${name}.parquet`));
    const parts = await query<{ year: number; province: string }>(db, `SELECT DISTINCT year, province FROM read_parquet(${source}) ORDER BY ALL`);
    for (const p of parts) {
      // folder names as Hive readers decode them; the value itself only ever inside a quoted literal
      const folder = path.join(target, `year=${Number(p.year)}`, `province=${encodeURIComponent(p.province)}`);
      fs.mkdirSync(folder, { recursive: true });
      await db.conn.run(
        `COPY (SELECT * EXCLUDE (year, province) FROM read_parquet(${source}) WHERE year = ${Number(p.year)} AND province = ${quote(p.province)})
         TO ${quote(path.join(folder, 'part-0.parquet'))} (FORMAT parquet, COMPRESSION zstd)`,
      );
    }
    out.push(target);
  }
  return out;
}
