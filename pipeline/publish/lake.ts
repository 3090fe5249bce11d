// The Parquet lake: the cell tables and the metrics as Hive-partitioned Parquet (year, province),
// for engines beyond one machine (DuckDB over object storage, Spark, Trino). The queries are
// sql/exports/*.sql; this file only runs them into folders.
import fs from 'node:fs';
import path from 'node:path';
import { type Db, SQL_DIR } from '../db/duck.ts';

const EXPORTS_DIR = path.join(SQL_DIR, 'exports');

export function lakeExports(): string[] {
  return fs
    .readdirSync(EXPORTS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => f.replace(/\.sql$/u, ''));
}

/** Writes `<dir>/<export>/year=Y/province=P/part-0.parquet` for the given years; returns the folders. */
export async function writeLake(db: Db, dir: string, years: number[]): Promise<string[]> {
  // one thread: a partition's file then holds its rows in the query's order on every run
  await db.conn.run('SET threads = 1');
  await db.conn.run(`SET VARIABLE lake_years = [${years.map((y) => Math.trunc(Number(y))).join(', ')}]::INTEGER[]`);
  const out: string[] = [];
  for (const name of lakeExports()) {
    const target = path.join(dir, name);
    // a year published again replaces its partitions; other years' partitions stay
    for (const y of years) fs.rmSync(path.join(target, `year=${y}`), { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true });
    const sql = fs.readFileSync(path.join(EXPORTS_DIR, `${name}.sql`), 'utf8').replace(/;\s*$/u, '');
    await db.conn.run(
      `COPY (${sql}) TO '${target.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year, province), OVERWRITE_OR_IGNORE, FILENAME_PATTERN 'part-{i}')`,
    );
    out.push(target);
  }
  return out;
}
