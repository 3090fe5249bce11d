// The metric dictionary as data, and the SQL derived from it. Each metric is one row of
// data/reference/metrics.csv: its names and description, its SQL over the columns of metric_inputs
// (value_sql, base_sql), the formats it applies to, the cells it reads, and where it is published
// (tables: the comparison tables and their marts; views: the column views of the year page). The
// tables and views themselves are rows of data/reference/metric_tables.csv (title, mart, order).
//
// From these, generateMetricSql() writes the SQL that cannot read the dictionary at run time:
// sql/metrics/report_metrics_base.sql (one UNION ALL line per metric) and one mart view per table
// (four pivot columns per metric). They are real SQL files for analysts to read, each starting with
// GENERATED_HEADER; scripts/gen-metric-sql.ts writes them (run by `npm run build`), and the load
// refuses to run on files the dictionary no longer gives. metric_cells reads the metrics seed itself.
// Imports no DuckDB: the build runs it.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { FORMATS, type Format } from '../codes.ts';
import { ROOT, UserError } from './common.ts';
import { sqlString } from './duck.ts';

export const GENERATED_HEADER = '-- generated from data/reference/metrics.csv by scripts/gen-metric-sql.ts — edit the CSV';
export const METRICS_CSV = 'data/reference/metrics.csv';
export const TABLES_CSV = 'data/reference/metric_tables.csv';
export const UNITS = ['count', 'share', 'per_100', 'wan_yuan', 'days'] as const;

/** A metric's place in a table or view: its id, its position (ties in dictionary order), whether it gets a rank column. */
export interface Placement {
  id: string;
  position: number;
  ranked: boolean;
}

export interface MetricDef {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: (typeof UNITS)[number];
  /** SQL expression over the columns of metric_inputs (and g.yoy / g.cagr, the growth CTE) */
  valueSql: string;
  /** SQL expression of the count a rate rests on; null for counts */
  baseSql: string | null;
  /** the formats that print it; empty = every format */
  formats: Format[];
  /** LIKE patterns (escape \) over the cell codes it is computed from */
  cells: string[];
  tables: Placement[];
  views: Placement[];
}

export interface MetricTableDef {
  id: string;
  kind: 'table' | 'view';
  /** the mart view a table reads (tables only) */
  mart: string;
  /** the short label of a view's button (views only) */
  tabZh: string;
  titleZh: string;
  titleEn: string;
  /** the metric a table's rows are ordered by, descending (tables only) */
  orderBy: string;
  /** what the table holds, for the mart's header comment (tables only) */
  about: string;
}

export interface MetricDictionary {
  metrics: MetricDef[];
  tables: MetricTableDef[];
}

const CODE_RE = /^[a-z0-9_]+$/u;
const MART_RE = /^mart_[a-z0-9_]+$/u;
// a LIKE pattern of cell codes, e.g. t3.denied\_%.total: written into a SQL string, so no quote
const CELL_RE = /^t[234]\.[a-z0-9_\\%.]+$/u;

function readCsv(file: string): { line: number; row: Record<string, string> }[] {
  const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true, info: true }) as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
  return rows.map((r) => ({ line: r.info.lines, row: r.record }));
}

const words = (s: string | undefined) => (s ?? '').split(/\s+/u).filter(Boolean);

/** Read and check both files; every mistake is a UserError naming the file, line and value. */
export function readMetricDictionary(root = ROOT): MetricDictionary {
  const tablesFile = path.join(root, TABLES_CSV);
  const metricsFile = path.join(root, METRICS_CSV);
  const fail = (file: string, line: number, msg: string): never => {
    throw new UserError(`${path.relative(root, file)} line ${line}: ${msg}`);
  };

  const tables: MetricTableDef[] = [];
  const tableLine = new Map<string, number>();
  for (const { line, row } of readCsv(tablesFile)) {
    const t: MetricTableDef = {
      id: row.id ?? '',
      kind: row.kind as MetricTableDef['kind'],
      mart: row.mart ?? '',
      tabZh: row.tab_zh ?? '',
      titleZh: row.title_zh ?? '',
      titleEn: row.title_en ?? '',
      orderBy: row.order_by ?? '',
      about: row.about ?? '',
    };
    if (!CODE_RE.test(t.id)) fail(tablesFile, line, `id '${t.id}' must be lower-case letters, digits and _`);
    if (t.kind !== 'table' && t.kind !== 'view') fail(tablesFile, line, `kind '${row.kind}' must be table or view`);
    if (tables.some((x) => x.kind === t.kind && x.id === t.id)) fail(tablesFile, line, `${t.kind} '${t.id}' is listed twice`);
    if (!t.titleZh) fail(tablesFile, line, `${t.kind} '${t.id}' has no title_zh`);
    if (t.kind === 'table') {
      if (!MART_RE.test(t.mart)) fail(tablesFile, line, `table '${t.id}': mart '${t.mart}' must be mart_ followed by lower-case letters, digits and _`);
      if (tables.some((x) => x.mart === t.mart)) fail(tablesFile, line, `mart '${t.mart}' is read by two tables`);
      if (!t.orderBy) fail(tablesFile, line, `table '${t.id}' has no order_by metric`);
    } else if (!t.tabZh) fail(tablesFile, line, `view '${t.id}' has no tab_zh`);
    tables.push(t);
    tableLine.set(`${t.kind}:${t.id}`, line);
  }

  const metrics: MetricDef[] = [];
  const placements = (line: number, kind: 'table' | 'view', s: string | undefined): Placement[] =>
    words(s).map((w) => {
      const [id = '', pos = '', flag, ...rest] = w.split(':');
      if (!tables.some((t) => t.kind === kind && t.id === id)) {
        fail(metricsFile, line, `${kind} '${id}' does not exist (${TABLES_CSV} lists ${kind}s ${tables.filter((t) => t.kind === kind).map((t) => t.id).join(', ')})`);
      }
      if (!/^[1-9]\d*$/u.test(pos) || rest.length > 0 || (flag !== undefined && flag !== 'ranked')) {
        fail(metricsFile, line, `'${w}' must be ${kind}:<position from 1> or ${kind}:<position>:ranked`);
      }
      return { id, position: Number(pos), ranked: flag === 'ranked' };
    });
  for (const { line, row } of readCsv(metricsFile)) {
    const code = row.code ?? '';
    if (!CODE_RE.test(code)) fail(metricsFile, line, `code '${code}' must be lower-case letters, digits and _ ([a-z0-9_]+)`);
    if (metrics.some((m) => m.code === code)) fail(metricsFile, line, `code '${code}' is defined twice`);
    if (!row.name_zh || !row.name_en) fail(metricsFile, line, `${code} needs name_zh and name_en`);
    if (!(UNITS as readonly string[]).includes(row.unit ?? '')) fail(metricsFile, line, `${code}: unit '${row.unit}' is not one of ${UNITS.join(', ')}`);
    const valueSql = (row.value_sql ?? '').trim();
    const baseSql = (row.base_sql ?? '').trim();
    if (!valueSql) fail(metricsFile, line, `${code} has no value_sql`);
    for (const [col, e] of [['value_sql', valueSql], ['base_sql', baseSql]] as const) {
      // an expression is trusted repository data, but one that ends the statement or comments out
      // the rest of its line would break the generated file far from its cause
      if (/;|--|\/\*/u.test(e)) fail(metricsFile, line, `${code}: ${col} must be one expression, without ; or comments`);
    }
    const formats = words(row.formats);
    for (const f of formats) if (!(FORMATS as readonly string[]).includes(f)) fail(metricsFile, line, `${code}: format '${f}' is not one of ${FORMATS.join(', ')}`);
    const cells = words(row.cells);
    for (const c of cells) if (!CELL_RE.test(c)) fail(metricsFile, line, `${code}: cell pattern '${c}' must look like t3.granted.total (LIKE wildcards % and \\_ allowed)`);
    const m: MetricDef = {
      code,
      nameZh: row.name_zh!,
      nameEn: row.name_en!,
      unit: row.unit as MetricDef['unit'],
      valueSql,
      baseSql: baseSql || null,
      formats: formats as Format[],
      cells,
      tables: placements(line, 'table', row.tables),
      views: placements(line, 'view', row.views),
    };
    for (const list of [m.tables, m.views]) {
      const ids = list.map((p) => p.id);
      if (new Set(ids).size < ids.length) fail(metricsFile, line, `${code} is placed twice in the same table or view`);
    }
    metrics.push(m);
  }
  for (const t of tables) {
    const line = tableLine.get(`${t.kind}:${t.id}`)!;
    const shown = placed({ metrics, tables }, t.kind, t.id);
    if (shown.metrics.length === 0) fail(tablesFile, line, `${t.kind} '${t.id}' shows no metric (no row of ${METRICS_CSV} names it in its ${t.kind}s column)`);
    if (t.kind === 'table' && !shown.metrics.includes(t.orderBy)) fail(tablesFile, line, `table '${t.id}' is ordered by '${t.orderBy}', which it does not show`);
  }
  return { metrics, tables };
}

/** The metrics a table or view shows, in order (position, then dictionary order), and those with a rank column. */
export function placed(dict: MetricDictionary, kind: 'table' | 'view', id: string): { metrics: string[]; ranked: string[] } {
  const rows = dict.metrics
    .map((m, i) => ({ m, i, p: (kind === 'table' ? m.tables : m.views).find((x) => x.id === id) }))
    .filter((x) => x.p !== undefined)
    .sort((a, b) => a.p!.position - b.p!.position || a.i - b.i);
  return { metrics: rows.map((x) => x.m.code), ranked: rows.filter((x) => x.p!.ranked).map((x) => x.m.code) };
}

const sqlList = (xs: string[]) => xs.map(sqlString).join(', ');

/** One line of report_metrics_base's union: the value (NULL outside its formats) and the base. */
function unionLine(m: MetricDef, first: boolean): string {
  const value = m.formats.length === 0 ? m.valueSql : `CASE WHEN format ${m.formats.length === 1 ? `= '${m.formats[0]}'` : `IN (${sqlList(m.formats)})`} THEN ${m.valueSql} END`;
  // the growth CTE is joined only by the lines that read it
  const from = /\bg\./u.test(`${m.valueSql} ${m.baseSql ?? ''}`) ? 'i JOIN g USING (report_id)' : 'i';
  return `  ${first ? '' : 'UNION ALL '}SELECT report_id, '${m.code}', ${value}, ${m.baseSql ?? 'NULL'} FROM ${from}`;
}

function reportMetricsBase(dict: MetricDictionary): string {
  return `${GENERATED_HEADER}
-- Every metric of the dictionary for every report, long form, materialized at load time: one line
-- of m per row of metrics.csv, its value_sql and base_sql over metric_inputs (i), and g, the growth
-- of new applications over the previous and the first year, for new_growth_yoy and new_growth_cagr.
CREATE OR REPLACE TABLE report_metrics_base AS
WITH i AS (SELECT * FROM metric_inputs),
first_year AS (
  SELECT body_id, arg_min(new_total, year) AS first_new, min(year) AS first_year FROM i WHERE new_total IS NOT NULL GROUP BY body_id
),
g AS (
  SELECT i.report_id,
    CASE WHEN p.new_total > 0 THEN (i.new_total - p.new_total) / p.new_total END AS yoy,
    CASE WHEN f.first_new > 0 AND i.year > f.first_year THEN pow(i.new_total / f.first_new, 1.0 / (i.year - f.first_year)) - 1 END AS cagr
  FROM i
  LEFT JOIN i p ON p.body_id = i.body_id AND p.year = i.year - 1
  LEFT JOIN first_year f ON f.body_id = i.body_id
),
m(report_id, metric, value, base_n) AS (
${dict.metrics.map((m, k) => unionLine(m, k === 0)).join('\n')}
),
-- metrics computed from a corrected cell (the cells column of metrics, in metric_cells): of this
-- report, or for the growth metrics of the previous (yoy) or first (cagr) year's new applications
corr AS (
  SELECT DISTINCT cc.report_id, mc.metric FROM corrected_cells cc JOIN metric_cells mc ON cc.cell LIKE mc.cell_like ESCAPE '\\'
  UNION
  SELECT i.report_id, x.metric
  FROM i JOIN i p ON p.body_id = i.body_id
  JOIN corrected_cells cc ON cc.report_id = p.report_id AND cc.cell = 't3.new_received.total'
  JOIN first_year f ON f.body_id = i.body_id
  JOIN (VALUES ('new_growth_yoy'), ('new_growth_cagr')) x(metric)
    ON (x.metric = 'new_growth_yoy' AND p.year = i.year - 1) OR (x.metric = 'new_growth_cagr' AND p.year = f.first_year AND i.year > f.first_year)
)
SELECT
  m.report_id, i.body_id, i.year, i.format, m.metric,
  m.value::DOUBLE AS value,
  m.base_n::BIGINT AS base_n,
  NOT md.comparable_across_formats AS format_specific,
  corr.report_id IS NOT NULL AS corrected
FROM m
JOIN i USING (report_id)
JOIN metrics md ON md.code = m.metric
LEFT JOIN corr ON corr.report_id = m.report_id AND corr.metric = m.metric
ORDER BY m.report_id, m.metric;
`;
}

function mart(dict: MetricDictionary, t: MetricTableDef): string {
  const cols = placed(dict, 'table', t.id).metrics.flatMap((c) => [
    `  max(value) FILTER (WHERE metric = '${c}') AS ${c}`,
    `  max(rank) FILTER (WHERE metric = '${c}') AS ${c}_rank`,
    `  max(ranked_in_group) FILTER (WHERE metric = '${c}') AS ${c}_of`,
    `  bool_or(small_n) FILTER (WHERE metric = '${c}') AS ${c}_small_n`,
  ]);
  return `${GENERATED_HEADER}
-- A published comparison table (${t.about || t.titleEn || t.id}): one row per peer group, body and year;
-- for each metric its value, rank in the group (NULL when not ranked), how many were ranked, and
-- whether the rate rests on too few cases (small_n). \`xxgk publish\` selects a year and a group.
-- Its metrics are the rows of metrics.csv whose tables column names ${t.id}, in their order.
CREATE OR REPLACE VIEW ${t.mart} AS
SELECT group_id, group_name, group_kind, year, body_id, body, level, region_code, format,
${cols.join(',\n')}
FROM mart_long
GROUP BY ALL;
`;
}

/** Every generated file, by its path relative to the root, with the text the dictionary gives. */
export function generateMetricSql(dict: MetricDictionary): Map<string, string> {
  const out = new Map<string, string>([['sql/metrics/report_metrics_base.sql', reportMetricsBase(dict)]]);
  for (const t of dict.tables) if (t.kind === 'table') out.set(`sql/marts/${t.mart}.sql`, mart(dict, t));
  return out;
}

const isGenerated = (file: string) => fs.existsSync(file) && fs.readFileSync(file, 'utf8').startsWith(`${GENERATED_HEADER}\n`);

/** Generated files under sql/ that the dictionary no longer yields (a table removed from it). */
function orphans(root: string, wanted: Map<string, string>): string[] {
  const out: string[] = [];
  for (const dir of ['sql/metrics', 'sql/marts']) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) continue;
    for (const f of fs.readdirSync(full).sort()) {
      const rel = `${dir}/${f}`;
      if (f.endsWith('.sql') && !wanted.has(rel) && isGenerated(path.join(root, rel))) out.push(rel);
    }
  }
  return out;
}

/** The generated files that differ from what the dictionary gives (or are missing, or orphaned). */
export function staleMetricSql(root = ROOT): string[] {
  const want = generateMetricSql(readMetricDictionary(root));
  const stale = [...want].filter(([rel, text]) => {
    const file = path.join(root, rel);
    return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text;
  });
  return [...stale.map(([rel]) => rel), ...orphans(root, want)];
}

/** Write the generated files (only those that changed) and remove orphaned ones; returns what changed. */
export function writeMetricSql(root = ROOT): string[] {
  const want = generateMetricSql(readMetricDictionary(root));
  const changed: string[] = [];
  for (const [rel, text] of want) {
    const file = path.join(root, rel);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) continue;
    fs.writeFileSync(file, text);
    changed.push(rel);
  }
  for (const rel of orphans(root, want)) {
    fs.rmSync(path.join(root, rel));
    changed.push(rel);
  }
  return changed;
}

/** For the load: refuse to build from SQL that the dictionary no longer gives (a row added without `npm run build`). */
export function assertMetricSqlCurrent(root = ROOT): void {
  const stale = staleMetricSql(root);
  if (stale.length) {
    throw new UserError(
      `${stale.join(', ')} ${stale.length === 1 ? 'is' : 'are'} not what ${METRICS_CSV} and ${TABLES_CSV} give: run \`npm run build\` (or \`npx tsx scripts/gen-metric-sql.ts\`) to write ${stale.length === 1 ? 'it' : 'them'} again`,
    );
  }
}
