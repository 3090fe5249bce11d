// `xxgk publish`: the annual comparison tables as CSV, XLSX, Markdown, HTML and Parquet.
import fs from 'node:fs';
import path from 'node:path';
import { type Db, openRead, query, UserError } from '../db/duck.ts';
import { toCsv, writeMetricsLongCsv } from './csv.ts';
import { metricDictionary, yearTables } from './data.ts';
import { addRegionCodes } from './flat.ts';
import { toMarkdown } from './markdown.ts';
import { writeLake } from './lake.ts';
import { writeParquet } from './parquet.ts';
import { prepareSite } from './site/data.ts';
import { writeSite } from './site/site.ts';
import { toXlsx } from './xlsx.ts';
import { timing } from '../load/timing.ts';

export interface PublishOptions {
  db: string;
  out: string;
  year?: number;
  group?: string;
  smallN: number;
  /** where the Parquet lake goes (default <out>/lake) */
  lake?: string;
}

async function publishYear(db: Db, o: PublishOptions, year: number): Promise<string[]> {
  const dir = path.join(o.out, String(year));
  fs.mkdirSync(dir, { recursive: true });
  const tables = await addRegionCodes(db, await yearTables(db, year, o.group, o.smallN));
  const dict = await metricDictionary(db);
  const groupLabel = o.group ?? '各单位所在的内置比较组 (built-in: same parent region and level, or same parent government)';
  const files: string[] = [];
  const write = (name: string, data: string | Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, data);
    files.push(f);
  };
  for (const t of tables) write(`${t.id}.csv`, toCsv(t));
  write(`xxgk-${year}.xlsx`, await toXlsx(tables, [...dict.values()], { year, groupLabel, smallN: o.smallN, database: path.basename(o.db) }));
  write('tables.md', toMarkdown(year, tables, groupLabel));
  return files;
}

/** parquet/, the lake and metrics.csv, on a connection of their own; returns the files written. */
async function exportFiles(db: Db, o: PublishOptions, years: number[]): Promise<string[]> {
  const conn = await db.instance.connect();
  try {
    const own: Db = { ...db, conn };
    // variables belong to a connection: metric_rankings reads the threshold
    await conn.run(`SET VARIABLE small_n = ${Math.max(0, Math.floor(o.smallN))}`);
    let t0 = performance.now();
    const step = (what: string) => {
      timing?.(`(exports) ${what}`, t0);
      t0 = performance.now();
    };
    const pq = path.join(o.out, 'parquet');
    fs.mkdirSync(pq, { recursive: true });
    const files = await writeParquet(own, pq, years);
    step('parquet/');
    const lake = o.lake ?? path.join(o.out, 'lake');
    files.push(...(await writeLake(own, lake, years, pq)));
    step('lake/');
    // every year in one long CSV, the rows of metrics.parquet with their ranks
    await writeMetricsLongCsv(own, path.join(o.out, 'metrics.csv'), years, o.group);
    files.push(path.join(o.out, 'metrics.csv'));
    step('metrics.csv');
    return files;
  } finally {
    conn.closeSync();
  }
}

export async function publish(o: PublishOptions, log: (s: string) => void): Promise<{ years: number[]; files: string[] }> {
  const db = await openRead(o.db);
  try {
    // DuckDB's memory bounded as in the load (its sorts and the lake's partitions spill to disk
    // beyond it): unbounded, publish of 40k files peaked at 2.3 GB (issue 9)
    await db.conn.run(`SET memory_limit = '${(process.env.XXGK_DUCKDB_MEMORY ?? '320MB').replaceAll("'", "''")}'`);
    await db.conn.run(`SET VARIABLE small_n = ${Math.max(0, Math.floor(o.smallN))}`);
    if (o.group !== undefined) {
      const known = await query(db, `SELECT 1 FROM peer_groups WHERE group_name = $1 OR group_id = $1 LIMIT 1`, [o.group]);
      if (known.length === 0) throw new UserError(`no peer group named "${o.group}": see SELECT DISTINCT group_id, group_name FROM peer_groups`);
    }
    const all = (await query<{ year: number }>(db, 'SELECT DISTINCT year FROM reports ORDER BY year')).map((r) => r.year);
    const years = o.year === undefined ? all : all.filter((y) => y === o.year);
    if (o.year !== undefined && years.length === 0) throw new UserError(`no reports for ${o.year} in ${o.db} (years: ${all.join(', ') || 'none'})`);
    fs.mkdirSync(o.out, { recursive: true });
    const files: string[] = [];
    let t0 = performance.now();
    const step = (what: string) => {
      timing?.(what, t0);
      t0 = performance.now();
    };
    // the site's temporary tables first: building them beside the exports ran DuckDB out of its
    // memory limit at 40k reports
    await prepareSite(db, o.group, years);
    step('site: temporary tables');
    // The Parquet files, the lake and metrics.csv are DuckDB's own work (one thread, for files that
    // come out the same on every run): they go on a second connection while this thread builds the
    // workbooks and pages, so publish keeps both cores busy (issue 9).
    let exported = exportFiles(db, o, years);
    // marked as handled now; an error of the exports is raised after the pages, below
    exported.catch(() => undefined);
    try {
      for (const y of years) {
        files.push(...(await publishYear(db, o, y)));
        step(`year ${y}: tables, workbook, Markdown`);
        log(`publish ${y}: ${path.join(o.out, String(y))}`);
      }
      // the site: reports/index.html, a page per year and per body, the dictionary, shared assets
      files.push(...(await writeSite(db, { out: o.out, years, group: o.group, smallN: o.smallN, groupLabel: o.group ?? '各单位所在的内置比较组', prepared: true })));
      step('site');
    } finally {
      // never leave the exports running into a closed database, whatever happened here
      await exported.catch(() => undefined);
    }
    try {
      files.push(...(await exported));
    } catch (e) {
      // out of DuckDB's memory beside the pages (a limit set low, a very large year): alone they fit
      if (!/Out of Memory/iu.test((e as Error).message)) throw e;
      log(`publish: the Parquet exports ran out of memory beside the pages; writing them again on their own`);
      exported = exportFiles(db, o, years);
      files.push(...(await exported));
    }
    step('waiting for the exports');
    log(`publish lake: ${o.lake ?? path.join(o.out, 'lake')}`);
    const index = [
      '# xxgk: published comparison tables',
      '',
      ...years.map((y) => `- ${y}: [page](${y}/index.html) · [workbook](${y}/xxgk-${y}.xlsx) · [Markdown](${y}/tables.md) · CSV: ${['applications', 'outcomes', 'review_litigation', 'data_quality', 'report_quality'].map((t) => `[${t}](${y}/${t}.csv)`).join(' ')}`),
      '- Every year in one CSV, one line per report and metric (the rows of metrics.parquet, with ranks): [metrics.csv](metrics.csv)',
      '- Parquet (long-form cells and metrics): [t2_cells](parquet/t2_cells.parquet) · [t3_cells](parquet/t3_cells.parquet) · [t4_cells](parquet/t4_cells.parquet) · [metrics](parquet/metrics.parquet)',
      o.lake === undefined
        ? "- Parquet lake, partitioned by year and province: [lake/](lake/) (`lake/t3_cells/year=2022/province=44/part-0.parquet`; DuckDB: `read_parquet('lake/t3_cells/*/*/*.parquet', hive_partitioning = true)`)"
        : '- Parquet lake, partitioned by year and province: in the folder given by `--lake`',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(o.out, 'README.md'), index);
    files.push(path.join(o.out, 'README.md'));
    return { years, files };
  } finally {
    db.close();
  }
}
