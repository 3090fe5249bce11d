// Parquet for bulk users: the long-form cells and the metrics of the published years, one file
// each under parquet/, from the queries of sql/exports/. They are sorted by year, province and
// report, so the lake (lake.ts) is these files cut into partitions with no second sort.
import path from 'node:path';
import { type Db, sqlString } from '../db/duck.ts';
import { exportQuery, lakeExports } from './lake.ts';

export async function writeParquet(db: Db, dir: string, years: number[]): Promise<string[]> {
  // one thread: row groups are then laid out the same way on every run
  await db.conn.run('SET threads = 1');
  await db.conn.run(`SET VARIABLE lake_years = [${years.map((y) => Math.trunc(Number(y))).join(', ')}]::INTEGER[]`);
  const files: string[] = [];
  for (const name of lakeExports()) {
    const file = path.join(dir, `${name}.parquet`);
    await db.conn.run(`COPY (${exportQuery(name)}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`);
    files.push(file);
  }
  return files;
}
