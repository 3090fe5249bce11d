// Reading the marts for one year (and one group, or the built-in groups) into table objects.
import { type Db, query } from '../db/duck.ts';
import { CORRECTED_KEY, CORRECTED_MARK } from './format.ts';
import { BODY_COLUMNS, type Column, type ColumnKind, METRIC_TABLES, NOTES_COLUMN, QUALITY_TABLE, REPORT_QUALITY_TABLE } from './tables.ts';
import { sqlString } from '../db/duck.ts';

export interface Published {
  id: string;
  zh: string;
  en: string;
  columns: Column[];
  rows: Record<string, unknown>[];
}

export interface MetricInfo {
  code: string;
  name_zh: string;
  name_en: string;
  unit: string;
  formula: string;
  caveats: string | null;
  comparable_across_formats: boolean;
}

const KIND: Record<string, ColumnKind> = { count: 'count', share: 'share', per_100: 'per_100', wan_yuan: 'money' };

export async function metricDictionary(db: Db): Promise<Map<string, MetricInfo>> {
  const rows = await query<MetricInfo>(db, 'SELECT code, name_zh, name_en, unit, formula, caveats, comparable_across_formats FROM metrics ORDER BY sort_order');
  return new Map(rows.map((r) => [r.code, r]));
}

/** WHERE clause selecting the group: one named group, or every body's built-in group. */
export function groupFilter(group: string | undefined): { sql: string; params: unknown[] } {
  return group === undefined
    ? { sql: `group_kind = 'built_in'`, params: [] }
    : { sql: `(group_name = $2 OR group_id = $2)`, params: [group] };
}

export async function yearTables(db: Db, year: number, group: string | undefined, smallN: number): Promise<Published[]> {
  const dict = await metricDictionary(db);
  const g = groupFilter(group);
  const out: Published[] = [];
  // values computed from a cell a person corrected: published with a footnote marker
  const corrected = new Set(
    (await query<{ k: string }>(db, `SELECT body_id || '|' || metric AS k FROM report_metrics WHERE year = $1 AND corrected`, [year])).map((r) => r.k),
  );
  for (const spec of METRIC_TABLES) {
    const columns: Column[] = [...BODY_COLUMNS];
    for (const m of spec.metrics) {
      const info = dict.get(m)!;
      columns.push({ key: m, zh: info.name_zh + (info.unit === 'share' ? ' (%)' : ''), en: m, kind: KIND[info.unit] ?? 'count' });
      if (spec.ranked.includes(m)) columns.push({ key: `${m}_rank`, zh: `${info.name_zh}名次`, en: `${m}_rank`, kind: 'text' });
    }
    columns.push(NOTES_COLUMN);
    const rows = await query<Record<string, unknown>>(
      db,
      `SELECT * FROM ${spec.view} WHERE year = $1 AND ${g.sql} ORDER BY group_name, ${spec.orderBy} DESC NULLS LAST, body`,
      [year, ...g.params],
    );
    for (const r of rows) {
      for (const m of spec.ranked) r[`${m}_rank`] = r[`${m}_rank`] === null ? null : `${r[`${m}_rank`]}/${r[`${m}_of`]}`;
      const small = spec.metrics.filter((m) => r[`${m}_small_n`] === true && r[m] !== null).map((m) => dict.get(m)!.name_zh);
      const fixed = spec.metrics.filter((m) => r[m] !== null && corrected.has(`${r.body_id}|${m}`));
      r[CORRECTED_KEY] = fixed;
      const notes = [
        ...(small.length > 0 ? [`少于${smallN}件，不排名：${small.join('、')}`] : []),
        ...(fixed.length > 0 ? [`${CORRECTED_MARK}人工更正：${fixed.map((m) => dict.get(m)!.name_zh).join('、')}`] : []),
      ];
      r.notes = notes.length > 0 ? notes.join('；') : null;
    }
    out.push({ id: spec.id, zh: spec.zh, en: spec.en, columns, rows });
  }
  const q = await query<Record<string, unknown>>(
    db,
    `SELECT * FROM ${QUALITY_TABLE.view} WHERE year = $1 AND ${g.sql} ORDER BY group_name, n_failed_checks DESC, n_flags DESC, body`,
    [year, ...g.params],
  );
  out.push({ id: QUALITY_TABLE.id, zh: QUALITY_TABLE.zh, en: QUALITY_TABLE.en, columns: QUALITY_TABLE.columns, rows: q });
  const rq = await query<Record<string, unknown>>(
    db,
    `SELECT q.* EXCLUDE (carried_rank, previous_year), b.name AS body, level_zh(b.level) AS level,
            CASE WHEN q.carried_rank IS NOT NULL THEN q.carried_rank || '/' || q.carried_ranked_of END AS carried_rank,
            q.carried_ranked_of AS carried_of,
            (SELECT s.name FROM bodies s WHERE s.body_id = q.s1_sibling_body_id) AS s1_sibling,
            CAST(q.previous_year AS VARCHAR) AS previous_year,
            nullif(concat_ws(' ', CASE WHEN q.s5_empty THEN '五' END, CASE WHEN q.s6_empty THEN '六' END), '') AS empty_sections,
            nullif(concat_ws(' ', CASE WHEN NOT q.has_t2 THEN '表二' END, CASE WHEN NOT q.has_t3 THEN '表三' END, CASE WHEN NOT q.has_t4 THEN '表四' END), '') AS missing_tables
     FROM report_quality_ranked q JOIN bodies b USING (body_id)
     WHERE q.year = $1 AND ${g.sql.replaceAll('group_kind', 'q.group_kind').replaceAll('group_name', 'q.group_name').replaceAll('group_id', 'q.group_id')}
     ORDER BY q.group_name, q.carried_rank NULLS LAST, b.name`,
    [year, ...g.params],
  );
  out.push({ id: REPORT_QUALITY_TABLE.id, zh: REPORT_QUALITY_TABLE.zh, en: REPORT_QUALITY_TABLE.en, columns: REPORT_QUALITY_TABLE.columns, rows: rq });
  return out;
}

export interface TrendPoint {
  body: string;
  year: number;
  metric: string;
  value: number | null;
}

/** Series of the given metrics for the bodies with the most new applications in `year`. */
export async function trendSeries(db: Db, year: number, group: string | undefined, metrics: string[], top: number): Promise<TrendPoint[]> {
  const g = groupFilter(group);
  return query<TrendPoint>(
    db,
    `WITH chosen AS (
       SELECT DISTINCT body_id, body, new_applications FROM mart_applications
       WHERE year = $1 AND ${g.sql} AND new_applications IS NOT NULL
       ORDER BY new_applications DESC, body LIMIT ${top}
     )
     SELECT c.body, m.year, m.metric, m.value
     FROM report_metrics m JOIN chosen c USING (body_id)
     WHERE m.year <= $1 AND list_contains([${metrics.map(sqlString).join(', ')}], m.metric)
     ORDER BY c.new_applications DESC, c.body, m.metric, m.year`,
    [year, ...g.params],
  );
}
