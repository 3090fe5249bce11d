// CSV with a UTF-8 BOM, so that Excel opens the Chinese text correctly. Text cells (body names,
// group names, file names) are formula-safe: see neutraliseFormula.
import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../db/duck.ts';
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
 * (same order), with the rank in the body's built-in peer group (or in `group`, for its members).
 * Values are the database's (shares as 0–1, full precision); the header is the plain codes, for
 * programs. Written a piece at a time as DuckDB hands the rows over: never all of them in memory.
 */
export async function writeMetricsLongCsv(db: Db, file: string, years: number[], group: string | undefined): Promise<void> {
  const result = await db.conn.stream(
    `WITH ranks AS (
       SELECT report_id, metric, rank, ranked_in_group, group_name FROM metric_rankings r
       ${group === undefined ? `JOIN (SELECT DISTINCT group_id FROM peer_groups WHERE kind = 'built_in') USING (group_id)` : 'WHERE group_id = $1 OR group_name = $1'}
     )
     SELECT m.year, b.name AS body, b.level, b.region_code, m.metric, m.value, m.base_n, m.small_n,
            k.rank, k.ranked_in_group AS group_size, k.group_name AS peer_group, m.body_id
     FROM report_metrics m JOIN bodies b USING (body_id) LEFT JOIN ranks k USING (report_id, metric)
     WHERE m.year IN (${years.map(Number).join(', ') || 'NULL'})
     ORDER BY m.year, m.report_id, m.metric`,
    group === undefined ? [] : [group],
  );
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const fd = fs.openSync(file, 'w');
  try {
    let pending: string[] = [stringify([[...LONG_COLUMNS]], { bom: true, record_delimiter: '\n' })];
    let size = 0;
    for await (const rows of result.yieldRowObjectJs()) {
      const out = rows.map((r) => [
        text(r.year),
        neutraliseFormula(text(r.body)),
        text(r.level),
        text(r.region_code),
        text(r.metric),
        text(r.value),
        text(r.base_n),
        text(r.small_n),
        text(r.rank),
        text(r.group_size),
        neutraliseFormula(text(r.peer_group)),
        text(r.body_id),
      ]);
      const piece = stringify(out, { record_delimiter: '\n' });
      pending.push(piece);
      size += piece.length;
      if (size > 1 << 20) {
        fs.writeSync(fd, pending.join(''));
        pending = [];
        size = 0;
      }
    }
    fs.writeSync(fd, pending.join(''));
  } finally {
    fs.closeSync(fd);
  }
}
