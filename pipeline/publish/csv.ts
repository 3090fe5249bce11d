// CSV with a UTF-8 BOM, so that Excel opens the Chinese text correctly. Text cells (body names,
// group names, file names) are formula-safe: see neutraliseFormula.
import { stringify } from 'csv-stringify/sync';
import { type Db, sqlString } from '../db/duck.ts';
import type { Published } from './data.ts';
import { flatTable } from './flat.ts';
import { CORRECTED_MARK, isCorrected, neutraliseFormula, plainValue } from './format.ts';

/** One table of one year: numeric ranks with their group size, and year, region code and body id last. */
export function toCsv(table: Published): string {
  const t = flatTable(table);
  const header = t.columns.map((c) => `${c.zh} (${c.en})`);
  // a value computed from a corrected cell carries the marker (58†): see the notes column
  const rows = t.rows.map((r) =>
    t.columns.map((c) => (c.kind === 'text' ? neutraliseFormula(plainValue(r[c.key], c.kind)) : plainValue(r[c.key], c.kind) + (isCorrected(r, c.key) ? CORRECTED_MARK : ''))),
  );
  return stringify([header, ...rows], { bom: true, record_delimiter: '\n' });
}

export const LONG_COLUMNS = ['year', 'body', 'level', 'region_code', 'metric', 'value', 'base_n', 'small_n', 'rank', 'group_size', 'peer_group', 'body_id'] as const;

/**
 * Every metric of every report of `years`, one per line, into `file`: the rows of metrics.parquet
 * (same order: year, province, report), with the rank in the body's built-in peer group (or in `group`, for its members).
 * Values are the database's (shares as 0–1, full precision; whole numbers without a decimal point);
 * the header is the plain codes, for programs. Written by DuckDB's own CSV writer: through
 * JavaScript rows it took 7 s at 10k reports (issue 9). The first column's name carries the BOM, so
 * the file starts with it; text cells are formula-safe as in toCsv.
 */
export async function writeMetricsLongCsv(db: Db, file: string, years: number[], group: string | undefined): Promise<void> {
  if (group !== undefined) await db.conn.run(`SET VARIABLE publish_group = ${sqlString(group)}`);
  // neutraliseFormula in SQL: a leading = + - @ tab or CR gets a quote in front
  const safe = (col: string) => `CASE WHEN regexp_matches(${col}, '^[-=+@\\t\\r]') THEN '''' || ${col} ELSE ${col} END`;
  const number = (col: string) => `CASE WHEN ${col} = trunc(${col}) AND abs(${col}) < 1e15 THEN CAST(CAST(${col} AS BIGINT) AS VARCHAR) ELSE CAST(${col} AS VARCHAR) END`;
  const [year, body, level, region, metric, value, base, small, rank, size, peer, id] = LONG_COLUMNS;
  const ranks =
    group === undefined
      ? `JOIN (SELECT DISTINCT group_id FROM peer_groups WHERE kind = 'built_in') USING (group_id)`
      : `WHERE group_id = getvariable('publish_group') OR group_name = getvariable('publish_group')`;
  const select = `
    WITH ranks AS (SELECT report_id, metric, rank, ranked_in_group, group_name FROM metric_rankings r ${ranks})
    SELECT m.year AS "${BOM}${year}", ${safe('b.name')} AS ${body}, b.level AS ${level}, b.region_code AS ${region}, m.metric AS ${metric},
           ${number('m.value')} AS ${value}, m.base_n AS ${base}, m.small_n AS ${small}, k.rank AS ${rank}, k.ranked_in_group AS ${size},
           ${safe('k.group_name')} AS ${peer}, m.body_id AS ${id}
    FROM report_metrics m JOIN bodies b USING (body_id) LEFT JOIN ranks k USING (report_id, metric)
    WHERE m.year IN (${years.map(Number).join(', ') || 'NULL'})
    ORDER BY m.year, coalesce(left(b.region_code, 2), '00'), m.report_id, m.metric`;
  await db.conn.run(`COPY (${select}) TO ${sqlString(file)} (FORMAT csv, HEADER true)`);
}

const BOM = '\uFEFF';
