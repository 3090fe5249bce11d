// What the published site shows, read from the database in a few bulk queries (one per kind of
// fact for all years at once), so that publishing thousands of bodies stays a matter of seconds.
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

export interface SiteData {
  years: number[];
  group: string | undefined;
  smallN: number;
  metrics: SiteMetric[];
  rowsByYear: Map<number, YearRow[]>;
  bodies: Map<string, BodyInfo>;
  /** body id -> its reports in year order */
  reports: Map<string, ReportInfo[]>;
  summaries: YearSummary[];
  rejected: number;
  dictionary: Dictionary;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The peer groups shown: one named group, or every body's built-in group. */
function groupWhere(group: string | undefined, param: number): string {
  return group === undefined ? `group_kind = 'built_in'` : `(group_name = $${param} OR group_id = $${param})`;
}

export async function loadSite(db: Db, years: number[], group: string | undefined, smallN: number): Promise<SiteData> {
  const yearList = `[${years.map((y) => Math.floor(Number(y))).join(', ')}]`;
  const gp = group === undefined ? [] : [group];
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

  const bodyRows = await query<Record<string, unknown>>(
    db,
    `SELECT b.body_id, b.name, b.level, level_zh(b.level) AS level_zh, reg.full_name AS region, reg.province, b.parent_body_id, p.name AS parent, b.inferred
     FROM bodies b LEFT JOIN regions reg ON reg.code = b.region_code LEFT JOIN bodies p ON p.body_id = b.parent_body_id
     ORDER BY b.name, b.body_id`,
  );
  const bodies = new Map<string, BodyInfo>();
  for (const b of bodyRows) {
    bodies.set(String(b.body_id), {
      body_id: String(b.body_id),
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
  for (const b of bodies.values()) if (b.parent_id) bodies.get(b.parent_id)?.children.push({ body_id: b.body_id, name: b.name });
  for (const a of await query<{ body_id: string; alias: string }>(db, 'SELECT DISTINCT body_id, alias FROM body_aliases ORDER BY alias')) {
    const b = bodies.get(a.body_id);
    if (b && a.alias !== b.name) b.aliases.push(a.alias);
  }
  for (const g of await query<{ body_id: string; group_name: string }>(db, 'SELECT DISTINCT body_id, group_name FROM peer_groups ORDER BY group_name')) {
    bodies.get(g.body_id)?.groups.push(g.group_name);
  }

  // reports, with the format of the body's previous report (a change of table format is marked)
  const reportRows = await query<Record<string, unknown>>(
    db,
    `SELECT report_id, body_id, year, format, extract_status, source_path, source_url, source_page_url,
            n_failed_checks::INT AS n_failed, n_flags::INT AS n_flags, n_duplicates::INT AS n_duplicates,
            lag(format) OVER (PARTITION BY body_id ORDER BY year) AS prev_format
     FROM reports ORDER BY body_id, year`,
  );
  const reports = new Map<string, ReportInfo[]>();
  const byReport = new Map<string, ReportInfo>();
  const prevFormat = new Map<string, string | null>();
  for (const r of reportRows) {
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
    prevFormat.set(info.report_id, (r.prev_format as string | null) ?? null);
    byReport.set(info.report_id, info);
    const list = reports.get(info.body_id) ?? [];
    list.push(info);
    reports.set(info.body_id, list);
  }
  for (const m of await query<Record<string, unknown>>(
    db,
    `SELECT m.report_id, m.metric, m.value, m.base_n::DOUBLE AS base_n, m.small_n, m.corrected, k.rank::INT AS rank, k.ranked_in_group::INT AS n_of
     FROM report_metrics m
     LEFT JOIN (SELECT k.report_id, k.metric, min(k.rank) AS rank, min(k.ranked_in_group) AS ranked_in_group
                FROM metric_rankings k JOIN (SELECT DISTINCT group_id, kind AS group_kind FROM peer_groups) g USING (group_id)
                WHERE ${groupWhere(group, 1)} GROUP BY ALL) k
       USING (report_id, metric)`,
    gp,
  )) {
    byReport.get(String(m.report_id))?.metrics.set(String(m.metric), {
      value: num(m.value),
      base: num(m.base_n),
      small: m.small_n === true,
      rank: num(m.rank),
      of: num(m.n_of),
      corrected: m.corrected === true,
    });
  }
  for (const c of await query<Record<string, unknown>>(db, `SELECT report_id, rule, scope, detail FROM check_results WHERE status = 'fail' ORDER BY report_id, rule, scope`)) {
    byReport.get(String(c.report_id))?.failedChecks.push({ rule: String(c.rule), scope: String(c.scope), detail: String(c.detail ?? '') });
  }
  for (const f of await query<Record<string, unknown>>(db, `SELECT report_id, cell, reason, detail FROM flags ORDER BY report_id, cell, reason`)) {
    byReport.get(String(f.report_id))?.flagList.push({ cell: String(f.cell), reason: String(f.reason), detail: (f.detail as string | null) ?? null });
  }
  for (const [id, q] of await loadReportQuality(db)) {
    const r = byReport.get(id);
    if (r) r.quality = q;
  }

  // the year pages' rows: one per peer group and body, every metric with its rank in the group
  const rowsByYear = new Map<number, YearRow[]>();
  const quality = await query<Record<string, unknown>>(
    db,
    `SELECT year, group_id, group_name, body_id, body, level, format, extract_status, n_failed_checks::INT AS n_failed, n_flags::INT AS n_flags, failed_checks, source
     FROM mart_data_quality WHERE list_contains(${yearList}, year) AND ${groupWhere(group, 1)}
     ORDER BY year, group_name, body, body_id`,
    gp,
  );
  for (const q of quality) {
    const year = Number(q.year);
    const body_id = String(q.body_id);
    const rep = byReport.get(`${body_id}-${year}`);
    const pf = rep ? (prevFormat.get(rep.report_id) ?? null) : null;
    const row: YearRow = {
      group_id: String(q.group_id),
      group: String(q.group_name),
      body_id,
      body: String(q.body),
      level: String(q.level),
      province: bodies.get(body_id)?.province ?? null,
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
    // every metric with its rank in the group: a body is in one of the groups shown (its built-in
    // group, or the one named), so these are its report's metrics, read above with their ranks
    for (const [code, x] of rep?.metrics ?? []) {
      if (x.value !== null) row.v[code] = x.value;
      if (x.rank !== null) row.r[code] = x.rank;
      if (x.of !== null) row.o[code] = x.of;
      if (x.small) row.s[code] = true;
      if (x.base !== null) row.b[code] = x.base;
      if (x.corrected && x.value !== null) row.c[code] = true;
    }
    const list = rowsByYear.get(year) ?? [];
    list.push(row);
    rowsByYear.set(year, list);
  }
  const summaries: YearSummary[] = (
    await query<Record<string, unknown>>(
      db,
      `SELECT year, count(*)::INT AS reports, count(*) FILTER (WHERE extract_status = 'ok')::INT AS ok,
              count(*) FILTER (WHERE extract_status = 'partial')::INT AS partial,
              count(*) FILTER (WHERE n_failed_checks > 0)::INT AS with_failed, sum(n_flags)::INT AS flags, sum(n_duplicates)::INT AS duplicates
       FROM reports WHERE list_contains(${yearList}, year) GROUP BY year ORDER BY year`,
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

  return { years, group, smallN, metrics, rowsByYear, bodies, reports, summaries, rejected, dictionary: await dictionary(db, metrics) };
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
