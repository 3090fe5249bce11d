// What the published site shows, read from the database a piece at a time: a year page (or one
// province of it) or a batch of bodies per query, from temporary tables sorted by body (see
// prepareSite), so that publishing stays a matter of seconds and its memory does not grow with the
// number of reports.
import { type Db, query } from '../../db/duck.ts';
import { type Catalog, readCatalog, readDocRows, readMetrics, resolveDocs } from '../../load/docs.ts';
import { loadReportQuality, type ReportQuality } from './quality.ts';

export interface SiteMetric {
  code: string;
  zh: string;
  en: string;
  unit: string;
  formula: string;
  caveats: string | null;
  comparable: boolean;
  rateBase: string | null;
}

/** One body in one peer group in one year: the rows of a year page. */
export interface YearRow {
  group_id: string;
  group: string;
  body_id: string;
  body: string;
  level: string;
  province: string | null;
  format: string | null;
  /** the body's previous report used the other table format */
  formatChange: boolean;
  prevFormat: string | null;
  status: string | null;
  failed: number;
  flags: number;
  failedChecks: string | null;
  source: string | null;
  /** metric code -> value, rank in the group, how many were ranked, small number, base */
  v: Record<string, number | null>;
  r: Record<string, number | null>;
  o: Record<string, number | null>;
  s: Record<string, boolean>;
  b: Record<string, number | null>;
  /** metric code -> computed from a cell a person corrected (xxgk correct) */
  c: Record<string, boolean>;
}

export interface BodyInfo {
  body_id: string;
  name: string;
  level: string;
  level_zh: string;
  region: string | null;
  province: string | null;
  parent_id: string | null;
  parent: string | null;
  inferred: boolean;
  aliases: string[];
  groups: string[];
  /** bodies whose parent this one is */
  children: { body_id: string; name: string }[];
}

export interface ReportInfo {
  report_id: string;
  body_id: string;
  year: number;
  format: string | null;
  status: string;
  source_path: string | null;
  source_url: string | null;
  source_page_url: string | null;
  n_failed: number;
  n_flags: number;
  n_duplicates: number;
  /** metric code -> [value, base_n, small_n, rank, ranked in group] */
  metrics: Map<string, { value: number | null; base: number | null; small: boolean; rank: number | null; of: number | null; corrected: boolean }>;
  failedChecks: { rule: string; scope: string; detail: string }[];
  flagList: { cell: string; reason: string; detail: string | null }[];
  /** report_quality's row (the body page's 报告质量 section) */
  quality?: ReportQuality;
}

export interface YearSummary {
  year: number;
  reports: number;
  ok: number;
  partial: number;
  withFailedChecks: number;
  flags: number;
  duplicates: number;
}

export interface Dictionary {
  metrics: SiteMetric[];
  /** every table and view with its description and columns, from the same sidecars as COMMENT ON */
  models: { name: string; kind: 'TABLE' | 'VIEW'; description: string | null; columns: { name: string; description: string | null }[] }[];
}

/** The facts of the whole site that do not grow with the number of reports. */
export interface SiteMeta {
  metrics: SiteMetric[];
  summaries: YearSummary[];
  rejected: number;
  dictionary: Dictionary;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The peer groups shown: one named group, or every body's built-in group. */
function groupWhere(group: string | undefined, param: number): string {
  return group === undefined ? `group_kind = 'built_in'` : `(group_name = $${param} OR group_id = $${param})`;
}

/**
 * Rows as arrays of DuckDB's own values: the many-row reads (a metric per report and year) use it,
 * as building a JavaScript object per row costs ten times as much. Only DOUBLE, INTEGER, VARCHAR
 * and BOOLEAN columns, which arrive as plain numbers, strings and booleans, and lists of them
 * (DuckDB's list values: `.items`).
 */
async function tuples(db: Db, sql: string, params: unknown[] = []): Promise<unknown[][]> {
  return (await db.conn.runAndReadAll(sql, params as never)).getRows() as unknown[][];
}

const yearList = (years: number[]) => `[${years.map((y) => Math.floor(Number(y))).join(', ')}]`;

/**
 * The site is written in pieces (issue 9: memory that does not grow with the number of reports):
 * the facts the pages need are first copied into temporary tables of this connection, sorted by
 * body, each with its body (and province) beside it, so that a batch of bodies or a province's
 * year page is one range or filter query each, and DuckDB (under the connection's memory limit,
 * spilling to disk beyond it) holds the whole, not the JavaScript heap. Ranks within the groups
 * shown are computed here once, not once per batch.
 */
export async function prepareSite(db: Db, group: string | undefined, years: number[]): Promise<void> {
  const gp = group === undefined ? [] : [group];
  await db.conn.run(
    `CREATE OR REPLACE TEMP TABLE _site_reports AS
     SELECT r.report_id, r.body_id, r.year, r.format, r.extract_status, r.source_path, r.source_url, r.source_page_url,
            r.n_failed_checks::INT AS n_failed, r.n_flags::INT AS n_flags, r.n_duplicates::INT AS n_duplicates,
            lag(r.format) OVER (PARTITION BY r.body_id ORDER BY r.year) AS prev_format, reg.province
     FROM reports r LEFT JOIN bodies b ON b.body_id = r.body_id LEFT JOIN regions reg ON reg.code = b.region_code
     ORDER BY r.body_id, r.year`,
  );
  await db.conn.run(
    `CREATE OR REPLACE TEMP TABLE _site_metrics AS
     SELECT m.report_id, m.body_id, m.year::INT AS year, r.province, m.metric, m.value::DOUBLE AS value, m.base_n::DOUBLE AS base_n, m.small_n, m.corrected,
            k.rank::INT AS rank, k.ranked_in_group::INT AS n_of
     FROM report_metrics m
     JOIN _site_reports r ON r.report_id = m.report_id
     LEFT JOIN metrics d ON d.code = m.metric
     LEFT JOIN (SELECT k.report_id, k.metric, min(k.rank) AS rank, min(k.ranked_in_group) AS ranked_in_group
                FROM metric_rankings k JOIN (SELECT DISTINCT group_id, kind AS group_kind FROM peer_groups) g USING (group_id)
                WHERE ${groupWhere(group, 1)} GROUP BY ALL) k
       ON k.report_id = m.report_id AND k.metric = m.metric
     ORDER BY m.body_id, m.year, d.sort_order, m.metric`,
    gp as never,
  );
  // the year pages' metrics, sorted by year and province so that a page reads its own slice: each
  // (report, metric) with the body's values of that metric in every year published (ascending), so
  // a page's trend is a prefix of the list (issue 9: a query per page over all metrics was 0.25 s)
  await db.conn.run(
    `CREATE OR REPLACE TEMP TABLE _site_page_metrics AS
     WITH series AS (
       SELECT body_id, metric, [${years.map((t) => `max(value) FILTER (WHERE year = ${Math.floor(Number(t))})`).join(', ')}] AS series
       FROM _site_metrics WHERE list_contains(${yearList(years)}, year) GROUP BY ALL
     )
     SELECT m.year, m.province, m.body_id, m.metric, m.value, m.base_n, m.small_n, m.corrected, m.rank, m.n_of, s.series
     FROM _site_metrics m LEFT JOIN series s USING (body_id, metric) LEFT JOIN metrics d ON d.code = m.metric
     ORDER BY m.year, m.province, m.body_id, d.sort_order, m.metric`,
  );
  // the year pages' rows: mart_data_quality's subqueries scan the checks and corrections, so it is
  // read once here rather than once per province page (224 pages at 40k reports: 48 s of publish)
  await db.conn.run(
    `CREATE OR REPLACE TEMP TABLE _site_quality AS
     SELECT q.group_id, q.group_name, q.year, q.body_id, q.body, q.level, q.format, q.extract_status, q.n_failed_checks::INT AS n_failed,
            q.n_flags::INT AS n_flags, q.failed_checks, q.source, reg.province, r.prev_format
     FROM mart_data_quality q LEFT JOIN _site_reports r ON r.body_id = q.body_id AND r.year = q.year
       LEFT JOIN bodies b ON b.body_id = q.body_id LEFT JOIN regions reg ON reg.code = b.region_code
     WHERE ${groupWhere(group, 1).replace(/\b(group_kind|group_name|group_id)\b/gu, 'q.$1')}
     ORDER BY q.year, reg.province, q.group_name, q.body, q.body_id`,
    gp as never,
  );
  await db.conn.run(
    `CREATE OR REPLACE TEMP TABLE _site_checks AS
     SELECT r.body_id, c.report_id, c.rule, c.scope, c.detail
     FROM check_results c JOIN _site_reports r ON r.report_id = c.report_id WHERE c.status = 'fail'
     ORDER BY r.body_id, c.report_id, c.rule, c.scope`,
  );
  await db.conn.run(
    `CREATE OR REPLACE TEMP TABLE _site_flags AS
     SELECT r.body_id, f.report_id, f.cell, f.reason, f.detail
     FROM flags f JOIN _site_reports r ON r.report_id = f.report_id
     ORDER BY r.body_id, f.report_id, f.cell, f.reason`,
  );
}

export async function dropSite(db: Db): Promise<void> {
  for (const t of ['_site_reports', '_site_metrics', '_site_page_metrics', '_site_quality', '_site_checks', '_site_flags']) await db.conn.run(`DROP TABLE IF EXISTS ${t}`);
}

export async function loadMeta(db: Db, years: number[]): Promise<SiteMeta> {
  const metrics = (
    await query<Record<string, unknown>>(db, 'SELECT code, name_zh, name_en, unit, formula, caveats, comparable_across_formats, rate_base FROM metrics ORDER BY sort_order')
  ).map(
    (m): SiteMetric => ({
      code: String(m.code),
      zh: String(m.name_zh),
      en: String(m.name_en),
      unit: String(m.unit),
      formula: String(m.formula),
      caveats: (m.caveats as string | null) ?? null,
      comparable: m.comparable_across_formats === true,
      rateBase: (m.rate_base as string | null) ?? null,
    }),
  );
  const summaries: YearSummary[] = (
    await query<Record<string, unknown>>(
      db,
      `SELECT year, count(*)::INT AS reports, count(*) FILTER (WHERE extract_status = 'ok')::INT AS ok,
              count(*) FILTER (WHERE extract_status = 'partial')::INT AS partial,
              count(*) FILTER (WHERE n_failed_checks > 0)::INT AS with_failed, sum(n_flags)::INT AS flags, sum(n_duplicates)::INT AS duplicates
       FROM reports WHERE list_contains(${yearList(years)}, year) GROUP BY year ORDER BY year`,
    )
  ).map((s) => ({
    year: Number(s.year),
    reports: Number(s.reports),
    ok: Number(s.ok),
    partial: Number(s.partial),
    withFailedChecks: Number(s.with_failed),
    flags: Number(s.flags ?? 0),
    duplicates: Number(s.duplicates ?? 0),
  }));
  const rejected = Number((await query<{ n: number }>(db, `SELECT count(*)::INT AS n FROM document_status WHERE status = 'rejected'`))[0]?.n ?? 0);
  return { metrics, summaries, rejected, dictionary: await dictionary(db, metrics) };
}

/** One province's part of a year (or the whole year: province undefined); null is the bodies of no known province. */
export interface YearPart {
  province?: string | null;
}

const provinceWhere = (part: YearPart, param: number) => (part.province === undefined ? 'true' : `province IS NOT DISTINCT FROM $${param}::VARCHAR`);

/** The provinces of a year's bodies, with how many bodies each has on the year page. */
export async function yearProvinces(db: Db, year: number, group: string | undefined): Promise<{ province: string | null; code: string | null; bodies: number }[]> {
  const rows = await query<Record<string, unknown>>(
    db,
    `SELECT reg.province, min(left(b.region_code, 2)) AS code, count(DISTINCT q.body_id)::INT AS bodies
     FROM (SELECT r.body_id FROM reports r JOIN (SELECT body_id, group_id, group_name, kind AS group_kind FROM peer_groups) g USING (body_id)
           WHERE r.year = ${Math.floor(year)} AND ${groupWhere(group, 1).replace(/\b(group_kind|group_name|group_id)\b/gu, 'g.$1')}) q
     JOIN bodies b USING (body_id) LEFT JOIN regions reg ON reg.code = b.region_code
     GROUP BY reg.province ORDER BY code NULLS LAST, reg.province NULLS LAST`,
    group === undefined ? [] : [group],
  );
  return rows.map((r) => ({ province: (r.province as string | null) ?? null, code: (r.code as string | null) ?? null, bodies: Number(r.bodies) }));
}

/** The rows of one year page (a year, or a province of it) and each metric's series over the years up to it; after prepareSite. */
export async function loadYearPage(
  db: Db,
  year: number,
  years: number[],
  metrics: SiteMetric[],
  part: YearPart = {},
): Promise<{ rows: YearRow[]; trend: { years: number[]; series: Record<string, Record<string, (number | null)[]>> } }> {
  // the group shown was chosen in prepareSite: _site_quality holds its rows only
  const y = Math.floor(year);
  const quality = await query<Record<string, unknown>>(
    db,
    `SELECT group_id, group_name, body_id, body, level, format, extract_status, n_failed, n_flags, failed_checks, source, province, prev_format
     FROM _site_quality WHERE year = ${y} AND ${provinceWhere(part, 1)}
     ORDER BY group_name, body, body_id`,
    part.province === undefined ? [] : [part.province],
  );
  const rows: YearRow[] = quality.map((q) => {
    const pf = (q.prev_format as string | null) ?? null;
    return {
      group_id: String(q.group_id),
      group: String(q.group_name),
      body_id: String(q.body_id),
      body: String(q.body),
      level: String(q.level),
      province: (q.province as string | null) ?? null,
      format: (q.format as string | null) ?? null,
      formatChange: pf !== null && q.format !== null && pf !== q.format,
      prevFormat: pf,
      status: (q.extract_status as string | null) ?? null,
      failed: Number(q.n_failed),
      flags: Number(q.n_flags),
      failedChecks: (q.failed_checks as string | null) ?? null,
      source: (q.source as string | null) ?? null,
      v: {},
      r: {},
      o: {},
      s: {},
      b: {},
      c: {},
    };
  });
  const rowsOf = new Map<string, YearRow[]>();
  for (const r of rows) rowsOf.set(r.body_id, [...(rowsOf.get(r.body_id) ?? []), r]);
  // this year's metrics of the page's bodies, every metric with its rank in the group shown (a
  // body is in one of them), and each metric's series per body over the years up to this one
  const trendYears = years.filter((t) => t <= y);
  const trendAt = years.flatMap((t, i) => (t <= y ? [i] : []));
  const byMetric = new Map<string, Map<string, (number | null)[]>>();
  for (const [id, code, value, base, small, corrected, rank, of, all] of (await tuples(
    db,
    `SELECT body_id, metric, value, base_n, small_n, corrected, rank, n_of, series FROM _site_page_metrics WHERE year = ${y} AND ${provinceWhere(part, 1)}`,
    part.province === undefined ? [] : [part.province],
  )) as [string, string, number | null, number | null, boolean | null, boolean | null, number | null, number | null, { items: (number | null)[] } | null][]) {
    const page = rowsOf.get(id);
    if (!page) continue;
    for (const row of page) {
      if (value !== null) row.v[code] = value;
      if (rank !== null) row.r[code] = rank;
      if (of !== null) row.o[code] = of;
      if (small === true) row.s[code] = true;
      if (base !== null) row.b[code] = base;
      if (corrected === true && value !== null) row.c[code] = true;
    }
    const values = trendAt.map((i) => all?.items[i] ?? null);
    if (values.every((v) => v === null)) continue;
    const bodies = byMetric.get(code) ?? new Map<string, (number | null)[]>();
    byMetric.set(code, bodies);
    bodies.set(id, values.map((v) => (v === null ? null : Number(v.toPrecision(6)))));
  }
  const series: Record<string, Record<string, (number | null)[]>> = {};
  for (const m of metrics) {
    const bodies = byMetric.get(m.code);
    if (!bodies) continue;
    const out: Record<string, (number | null)[]> = {};
    for (const id of rowsOf.keys()) if (bodies.has(id)) out[id] = bodies.get(id)!;
    series[m.code] = out;
  }
  return { rows, trend: { years: trendYears, series } };
}

/**
 * The bodies that get a page, sorted by body id: every body with a report in the years published,
 * and every parent named by one. Only their ids are held (a few dozen bytes a body).
 */
export async function pageBodyIds(db: Db, years: number[]): Promise<string[]> {
  const rows = await query<{ body_id: string }>(
    db,
    `WITH reporting AS (SELECT DISTINCT body_id FROM reports WHERE list_contains(${yearList(years)}, year))
     SELECT body_id FROM reporting
     UNION SELECT b.parent_body_id FROM reporting JOIN bodies b USING (body_id) JOIN bodies p ON p.body_id = b.parent_body_id
     ORDER BY 1`,
  );
  return rows.map((r) => String(r.body_id));
}

/** One batch of body pages' facts: the bodies (ids sorted, as pageBodyIds gives them) and their reports. */
export async function loadBodyBatch(db: Db, ids: string[]): Promise<{ bodies: BodyInfo[]; reports: Map<string, ReportInfo[]> }> {
  if (ids.length === 0) return { bodies: [], reports: new Map() };
  const want = new Set(ids);
  const range = [ids[0]!, ids[ids.length - 1]!];
  const bodies = new Map<string, BodyInfo>();
  for (const b of await query<Record<string, unknown>>(
    db,
    `SELECT b.body_id, b.name, b.level, level_zh(b.level) AS level_zh, reg.full_name AS region, reg.province, b.parent_body_id, p.name AS parent, b.inferred
     FROM bodies b LEFT JOIN regions reg ON reg.code = b.region_code LEFT JOIN bodies p ON p.body_id = b.parent_body_id
     WHERE b.body_id BETWEEN $1 AND $2 ORDER BY b.body_id`,
    range,
  )) {
    const id = String(b.body_id);
    if (!want.has(id)) continue;
    bodies.set(id, {
      body_id: id,
      name: String(b.name),
      level: String(b.level),
      level_zh: String(b.level_zh),
      region: (b.region as string | null) ?? null,
      province: (b.province as string | null) ?? null,
      parent_id: (b.parent_body_id as string | null) ?? null,
      parent: (b.parent as string | null) ?? null,
      inferred: b.inferred === true,
      aliases: [],
      groups: [],
      children: [],
    });
  }
  for (const c of await query<Record<string, unknown>>(db, `SELECT body_id, name, parent_body_id FROM bodies WHERE parent_body_id BETWEEN $1 AND $2 ORDER BY name, body_id`, range)) {
    bodies.get(String(c.parent_body_id))?.children.push({ body_id: String(c.body_id), name: String(c.name) });
  }
  for (const a of await query<{ body_id: string; alias: string }>(db, 'SELECT DISTINCT body_id, alias FROM body_aliases WHERE body_id BETWEEN $1 AND $2 ORDER BY alias', range)) {
    const b = bodies.get(a.body_id);
    if (b && a.alias !== b.name) b.aliases.push(a.alias);
  }
  for (const g of await query<{ body_id: string; group_name: string }>(db, 'SELECT DISTINCT body_id, group_name FROM peer_groups WHERE body_id BETWEEN $1 AND $2 ORDER BY group_name', range)) {
    bodies.get(g.body_id)?.groups.push(g.group_name);
  }

  const reports = new Map<string, ReportInfo[]>();
  const byReport = new Map<string, ReportInfo>();
  for (const r of await query<Record<string, unknown>>(db, `SELECT * FROM _site_reports WHERE body_id BETWEEN $1 AND $2 ORDER BY body_id, year`, range)) {
    if (!bodies.has(String(r.body_id))) continue;
    const info: ReportInfo = {
      report_id: String(r.report_id),
      body_id: String(r.body_id),
      year: Number(r.year),
      format: (r.format as string | null) ?? null,
      status: String(r.extract_status),
      source_path: (r.source_path as string | null) ?? null,
      source_url: (r.source_url as string | null) ?? null,
      source_page_url: (r.source_page_url as string | null) ?? null,
      n_failed: Number(r.n_failed),
      n_flags: Number(r.n_flags),
      n_duplicates: Number(r.n_duplicates),
      metrics: new Map(),
      failedChecks: [],
      flagList: [],
    };
    byReport.set(info.report_id, info);
    const list = reports.get(info.body_id) ?? [];
    list.push(info);
    reports.set(info.body_id, list);
  }
  for (const [report, code, value, base, small, corrected, rank, of] of (await tuples(
    db,
    `SELECT report_id, metric, value, base_n, small_n, corrected, rank, n_of FROM _site_metrics WHERE body_id BETWEEN $1 AND $2`,
    range,
  )) as [string, string, number | null, number | null, boolean | null, boolean | null, number | null, number | null][]) {
    byReport.get(report)?.metrics.set(code, { value, base, small: small === true, rank, of, corrected: corrected === true });
  }
  for (const c of await query<Record<string, unknown>>(db, `SELECT report_id, rule, scope, detail FROM _site_checks WHERE body_id BETWEEN $1 AND $2 ORDER BY report_id, rule, scope`, range)) {
    byReport.get(String(c.report_id))?.failedChecks.push({ rule: String(c.rule), scope: String(c.scope), detail: String(c.detail ?? '') });
  }
  for (const f of await query<Record<string, unknown>>(db, `SELECT report_id, cell, reason, detail FROM _site_flags WHERE body_id BETWEEN $1 AND $2 ORDER BY report_id, cell, reason`, range)) {
    byReport.get(String(f.report_id))?.flagList.push({ cell: String(f.cell), reason: String(f.reason), detail: (f.detail as string | null) ?? null });
  }
  for (const [id, q] of await loadReportQuality(db, range as [string, string])) {
    const r = byReport.get(id);
    if (r) r.quality = q;
  }
  return { bodies: [...bodies.values()], reports };
}

/** Every group shown in the years published with its members (for the index page). */
export async function groupMembers(db: Db, years: number[], group: string | undefined): Promise<{ group: string; body_id: string; name: string }[]> {
  const rows = await query<Record<string, unknown>>(
    db,
    `SELECT DISTINCT g.group_name, r.body_id, b.name FROM reports r JOIN bodies b USING (body_id) JOIN (SELECT body_id, group_id, group_name, kind AS group_kind FROM peer_groups) g USING (body_id)
     WHERE list_contains(${yearList(years)}, r.year) AND ${groupWhere(group, 1).replace(/\b(group_kind|group_name|group_id)\b/gu, 'g.$1')}
     ORDER BY g.group_name, b.name, r.body_id`,
    group === undefined ? [] : [group],
  );
  return rows.map((r) => ({ group: String(r.group_name), body_id: String(r.body_id), name: String(r.name) }));
}

/** Every table and view with its columns, described from sql/**\/_docs.csv exactly as the COMMENTs are. */
async function dictionary(db: Db, metrics: SiteMetric[]): Promise<Dictionary> {
  const catalog: Catalog = await readCatalog(db);
  const resolved = resolveDocs(catalog, readDocRows(), readMetrics());
  const models = [...catalog.columns.keys()]
    .filter((m) => !m.startsWith('_'))
    .sort()
    .map((name) => ({
      name,
      kind: catalog.kinds.get(name)!,
      description: resolved.models.get(name) ?? null,
      columns: catalog.columns.get(name)!.map((c) => ({ name: c, description: resolved.columns.get(`${name}.${c}`) ?? null })),
    }));
  return { metrics, models };
}
