// Parquet exports for bulk users: the long-form cells and the metrics, ordered so that the same
// database always gives the same files.
import path from 'node:path';
import type { Db } from '../db/duck.ts';

const EXPORTS: Record<string, string> = {
  t2_cells: `SELECT r.year, b.name AS body, c.* FROM t2_cells c JOIN reports r USING (report_id) JOIN bodies b USING (body_id) {where} ORDER BY r.year, c.report_id, c.row_code, c.col_code`,
  t3_cells: `SELECT r.year, b.name AS body, c.* FROM t3_cells c JOIN reports r USING (report_id) JOIN bodies b USING (body_id) {where} ORDER BY r.year, c.report_id, c.row_code, c.col_code`,
  t4_cells: `SELECT r.year, b.name AS body, c.* FROM t4_cells c JOIN reports r USING (report_id) JOIN bodies b USING (body_id) {where} ORDER BY r.year, c.report_id, c.group_code, c.col_code`,
  metrics: `SELECT m.year, b.name AS body, m.* EXCLUDE (year) FROM report_metrics m JOIN bodies b USING (body_id) {where} ORDER BY m.year, m.report_id, m.metric`,
};

export async function writeParquet(db: Db, dir: string, years: number[]): Promise<string[]> {
  // one thread: row groups are then laid out the same way on every run
  await db.conn.run('SET threads = 1');
  const files: string[] = [];
  const where = `WHERE year IN (${years.map(Number).join(', ')})`;
  for (const [name, sql] of Object.entries(EXPORTS)) {
    const file = path.join(dir, `${name}.parquet`);
    await db.conn.run(`COPY (${sql.replace('{where}', where.replace('year', name === 'metrics' ? 'm.year' : 'r.year'))}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`);
    files.push(file);
  }
  return files;
}
