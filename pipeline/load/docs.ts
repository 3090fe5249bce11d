// Documentation of every table, view and column, kept beside the models in one CSV sidecar per
// sql/ folder (sql/<folder>/_docs.csv, plus sql/_docs.csv for columns shared across folders),
// and written into the database as COMMENT ON statements at load time. CREATE OR REPLACE drops a
// model's comments, so they are applied after every build, never hand-written in the .sql files.
//
// A sidecar has the columns model, column, description:
//   - an empty column documents the model itself (COMMENT ON TABLE / VIEW);
//   - model may be a glob (`mart_*`, `*`): it documents that column in every matching model that
//     has no more specific row;
//   - column may contain {metric}: the row stands for one row per metric of data/reference/metrics.csv,
//     and {metric}, {name_en}, {name_zh}, {unit} in the description are filled in from it.
// The most specific row wins: exact model over glob, exact column over {metric} template.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type Db, query, REFERENCE_DIR, SQL_DIR } from '../db/duck.ts';
import { LAYERS } from '../db/sqlfiles.ts';
import { sqlString } from '../db/duck.ts';

export interface DocRow {
  model: string;
  column: string;
  description: string;
  /** the sidecar it came from, relative to sql/ */
  file: string;
}

interface MetricRow {
  code: string;
  name_zh: string;
  name_en: string;
  unit: string;
}

function readCsv<T>(file: string): T[] {
  try {
    return parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as T[];
  } catch (e) {
    throw new Error(`${path.relative(process.cwd(), file)}: ${(e as Error).message}`);
  }
}

/** Every sidecar row: sql/_docs.csv, then sql/<layer>/_docs.csv in layer order. */
export function readDocRows(sqlDir = SQL_DIR): DocRow[] {
  const files = [path.join(sqlDir, '_docs.csv'), ...LAYERS.map((l) => path.join(sqlDir, l, '_docs.csv'))];
  const out: DocRow[] = [];
  for (const f of files) {
    if (!fs.existsSync(f)) continue;
    for (const r of readCsv<{ model: string; column: string; description: string }>(f)) {
      out.push({ model: r.model, column: r.column ?? '', description: r.description, file: path.relative(sqlDir, f) });
    }
  }
  return out;
}

export function readMetrics(): MetricRow[] {
  return readCsv<MetricRow>(path.join(REFERENCE_DIR, 'metrics.csv'));
}

const globRe = (g: string) => new RegExp(`^${g.replace(/[.+?^${}()|[\]\\]/gu, '\\$&').replaceAll('*', '.*')}$`, 'u');

export interface Catalog {
  /** model name -> 'TABLE' | 'VIEW' */
  kinds: Map<string, 'TABLE' | 'VIEW'>;
  /** model name -> its columns in order */
  columns: Map<string, string[]>;
}

/** The user tables and views of the main schema of the open database. */
export async function readCatalog(db: Db): Promise<Catalog> {
  const objs = await query<{ name: string; kind: 'TABLE' | 'VIEW' }>(
    db,
    `SELECT table_name AS name, 'TABLE' AS kind FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary
     UNION ALL
     SELECT view_name, 'VIEW' FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary`,
  );
  const kinds = new Map(objs.map((o) => [o.name, o.kind]));
  const cols = await query<{ t: string; c: string }>(
    db,
    `SELECT table_name AS t, column_name AS c FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal ORDER BY table_name, column_index`,
  );
  const columns = new Map<string, string[]>();
  for (const { t, c } of cols) if (kinds.has(t)) columns.set(t, [...(columns.get(t) ?? []), c]);
  return { kinds, columns };
}

export interface Resolved {
  /** model -> its description */
  models: Map<string, string>;
  /** `model.column` -> its description */
  columns: Map<string, string>;
  /** sidecar rows that matched nothing in the database (a typo or a dropped column) */
  stale: DocRow[];
}

/** Match the sidecar rows to the catalog, most specific row first. */
export function resolveDocs(catalog: Catalog, rows: DocRow[], metrics: MetricRow[]): Resolved {
  // expand {metric} templates into one concrete row each, remembering which were templates
  type Expanded = DocRow & { template: boolean; origin: DocRow };
  const expanded: Expanded[] = [];
  for (const r of rows) {
    if (!r.column.includes('{metric}')) {
      expanded.push({ ...r, template: false, origin: r });
      continue;
    }
    for (const m of metrics) {
      const fill = (s: string) =>
        s.replaceAll('{metric}', m.code).replaceAll('{name_en}', m.name_en).replaceAll('{name_zh}', m.name_zh).replaceAll('{unit}', m.unit);
      expanded.push({ ...r, column: fill(r.column), description: fill(r.description), template: true, origin: r });
    }
  }
  const used = new Set<DocRow>();
  const score = (r: Expanded) => (r.model.includes('*') ? 0 : 2) + (r.template ? 0 : 1);
  const models = new Map<string, string>();
  const columns = new Map<string, string>();
  const best = new Map<string, number>();
  for (const r of expanded) {
    const re = globRe(r.model);
    for (const [model, cols] of catalog.columns) {
      if (!re.test(model)) continue;
      const targets = r.column === '' ? [''] : cols.includes(r.column) ? [r.column] : [];
      for (const c of targets) {
        const key = c === '' ? model : `${model}.${c}`;
        const s = score(r);
        if ((best.get(key) ?? -1) >= s) {
          if (best.get(key) === s && !r.model.includes('*') && !r.template) throw new Error(`sql/${r.file}: ${key} is documented twice`);
          continue;
        }
        best.set(key, s);
        used.add(r.origin);
        if (c === '') models.set(model, r.description);
        else columns.set(key, r.description);
      }
    }
  }
  // a row is stale when nothing used it; a glob or template row counts as used when any of its expansions was
  const stale = rows.filter((r) => !used.has(r));
  return { models, columns, stale };
}

const lit = sqlString;
const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** The COMMENT ON statements for what `resolveDocs` found. */
export function commentStatements(catalog: Catalog, r: Resolved): string[] {
  const out: string[] = [];
  for (const [model, cols] of catalog.columns) {
    const kind = catalog.kinds.get(model)!;
    const d = r.models.get(model);
    if (d !== undefined) out.push(`COMMENT ON ${kind} ${ident(model)} IS ${lit(d)};`);
    for (const c of cols) {
      const cd = r.columns.get(`${model}.${c}`);
      if (cd !== undefined) out.push(`COMMENT ON COLUMN ${ident(model)}.${ident(c)} IS ${lit(cd)};`);
    }
  }
  return out;
}

export interface DocsReport {
  statements: number;
  /** `model` or `model.column` without documentation */
  undocumented: string[];
  stale: DocRow[];
}

/** Write every model's and column's documentation into the database (COMMENT ON); with `only`, of those models. */
export async function applyDocs(db: Db, only?: ReadonlySet<string>): Promise<DocsReport> {
  const catalog = await readCatalog(db);
  if (only) {
    for (const m of [...catalog.columns.keys()]) if (!only.has(m)) catalog.columns.delete(m);
  }
  const resolved = resolveDocs(catalog, readDocRows(), readMetrics());
  const stmts = commentStatements(catalog, resolved);
  if (stmts.length) await db.conn.run(stmts.join('\n'));
  const undocumented: string[] = [];
  for (const [model, cols] of catalog.columns) {
    if (!resolved.models.has(model)) undocumented.push(model);
    for (const c of cols) if (!resolved.columns.has(`${model}.${c}`)) undocumented.push(`${model}.${c}`);
  }
  return { statements: stmts.length, undocumented, stale: resolved.stale };
}
