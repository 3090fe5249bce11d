// The SQL models of sql/: one model per file, named after it (sql/core/t3_cells.sql creates
// t3_cells), run layer by layer (schema, seeds, staging, core, metrics, marts) and, within a
// layer, in the order of the references between models: a file runs after the files whose models
// it reads, whatever the names. {{reference}} is filled in with data/reference.
//
// A file's models are what it CREATEs (TABLE, VIEW, MACRO, TEMP TABLE); its references are the
// names after FROM and JOIN that are not its own CTEs or models, and the macros it calls. A
// reference to a model of a later layer, to a name no file defines, or a cycle between files is
// an error that names the files. Imports no DuckDB (the command line reads smallNDefault()).
import fs from 'node:fs';
import path from 'node:path';
import { REFERENCE_DIR, SQL_DIR } from './common.ts';
import type { Db } from './duck.ts';

export const LAYERS = ['schema', 'seeds', 'staging', 'core', 'metrics', 'marts'] as const;
export type Layer = (typeof LAYERS)[number];

/** A layer's .sql files in name order (what they are, not the order they run in: see buildOrder). */
export function sqlFiles(layer: Layer, sqlDir = SQL_DIR): string[] {
  const dir = path.join(sqlDir, layer);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => path.join(dir, f));
}

export function renderSql(file: string): string {
  return fs.readFileSync(file, 'utf8').replaceAll('{{reference}}', REFERENCE_DIR.replaceAll("'", "''"));
}

/** The SQL with comments and string literals blanked out ('' stays, so the shape is kept) and "quoted" identifiers unquoted. */
export function stripSql(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      out += ' ';
    } else if (c === "'") {
      // a literal ends at a quote not doubled
      let j = i + 1;
      while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
      i = j + 1;
      out += "''";
    } else if (c === '"') {
      const end = sql.indexOf('"', i + 1);
      out += sql.slice(i + 1, end < 0 ? sql.length : end);
      i = end < 0 ? sql.length : end + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export interface ParsedSql {
  /** the models it creates, in order, lower case */
  defines: { name: string; kind: 'TABLE' | 'VIEW' | 'MACRO' }[];
  /** names read after FROM / JOIN (not its own CTEs or models), lower case */
  relations: string[];
  /** every name called like a function, name( (builtins among them: only known macros count) */
  calls: string[];
}

const CREATE_RE = /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?(TABLE|VIEW|MACRO|FUNCTION)\s+(?:IF\s+NOT\s+EXISTS\s+)?([A-Za-z_][\w.]*)/giu;
// WITH name AS (, , name(col, …) AS (
const CTE_RE = /(?:\bWITH(?:\s+RECURSIVE)?|,)\s*([A-Za-z_]\w*)\s*(?:\([^()]*\))?\s+AS\s+(?:NOT\s+)?(?:MATERIALIZED\s+)?\(/giu;
// FROM / JOIN name, not IS [NOT] DISTINCT FROM
const FROM_RE = /(?<!\bDISTINCT\s+)\b(?:FROM|JOIN)\s+([A-Za-z_][\w.]*)(\s*\()?/giu;
const CALL_RE = /\b([A-Za-z_]\w*)\s*\(/gu;

export function parseSql(sql: string): ParsedSql {
  const s = stripSql(sql);
  const defines: ParsedSql['defines'] = [];
  for (const m of s.matchAll(CREATE_RE)) {
    const kind = m[1]!.toUpperCase();
    defines.push({ name: m[2]!.toLowerCase(), kind: kind === 'FUNCTION' ? 'MACRO' : (kind as 'TABLE' | 'VIEW' | 'MACRO') });
  }
  const own = new Set([...defines.map((d) => d.name), ...[...s.matchAll(CTE_RE)].map((m) => m[1]!.toLowerCase())]);
  const relations = new Set<string>();
  const calls = new Set<string>();
  for (const m of s.matchAll(FROM_RE)) {
    const name = m[1]!.toLowerCase();
    // a table function (read_csv(…), unnest(…)) or a table macro: judged with the calls
    if (m[2]) calls.add(name);
    else if (!own.has(name)) relations.add(name);
  }
  for (const m of s.matchAll(CALL_RE)) calls.add(m[1]!.toLowerCase());
  for (const d of defines) calls.delete(d.name);
  return { defines, relations: [...relations], calls: [...calls] };
}

export interface SqlModelFile {
  layer: Layer;
  file: string;
  defines: ParsedSql['defines'];
  /** models of other files it reads or calls */
  refs: string[];
}

export interface Project {
  files: SqlModelFile[];
  /** model name -> the file that creates it */
  owner: Map<string, SqlModelFile>;
  /** layer -> its files in build order */
  order: Map<Layer, SqlModelFile[]>;
}

const rel = (sqlDir: string, f: string) => `sql/${path.relative(sqlDir, f)}`;

/** Every model file of sql/ with what it defines and reads, and the order each layer is built in. */
export function readProject(sqlDir = SQL_DIR): Project {
  const parsed = LAYERS.flatMap((layer) => sqlFiles(layer, sqlDir).map((file) => ({ layer, file, p: parseSql(fs.readFileSync(file, 'utf8')) })));
  const owner = new Map<string, SqlModelFile>();
  const files: SqlModelFile[] = [];
  for (const { layer, file, p } of parsed) {
    const f: SqlModelFile = { layer, file, defines: p.defines, refs: [] };
    files.push(f);
    for (const d of p.defines) {
      const other = owner.get(d.name);
      if (other && other !== f) throw new Error(`${rel(sqlDir, file)}: ${d.name} is created in ${rel(sqlDir, other.file)} already`);
      owner.set(d.name, f);
    }
  }
  const macros = new Set(files.flatMap((f) => f.defines.filter((d) => d.kind === 'MACRO').map((d) => d.name)));
  parsed.forEach(({ file, p }, i) => {
    const f = files[i]!;
    const refs = new Set<string>();
    for (const r of p.relations) {
      if (!owner.has(r)) throw new Error(`${rel(sqlDir, file)} reads ${r}, which no file of sql/ creates (a typo, or a model not written yet?)`);
      refs.add(r);
    }
    for (const c of p.calls) if (macros.has(c)) refs.add(c);
    f.refs = [...refs].filter((r) => owner.get(r) !== f).sort();
    for (const r of f.refs) {
      const o = owner.get(r)!;
      if (LAYERS.indexOf(o.layer) > LAYERS.indexOf(f.layer)) {
        throw new Error(`${rel(sqlDir, file)} reads ${r} of ${rel(sqlDir, o.file)}, but ${o.layer} is built after ${f.layer}`);
      }
    }
  });
  const order = new Map<Layer, SqlModelFile[]>();
  for (const layer of LAYERS) order.set(layer, topoSort(files.filter((f) => f.layer === layer), owner, sqlDir));
  return { files, owner, order };
}

/** Kahn's algorithm; among the files ready to run, the first by name, so the order is stable. */
function topoSort(files: SqlModelFile[], owner: Map<string, SqlModelFile>, sqlDir: string): SqlModelFile[] {
  const deps = new Map(files.map((f) => [f, new Set(f.refs.map((r) => owner.get(r)!).filter((o) => o.layer === f.layer))]));
  const done: SqlModelFile[] = [];
  const left = new Set(files);
  while (left.size) {
    const ready = [...left].filter((f) => [...deps.get(f)!].every((d) => !left.has(d)));
    if (ready.length === 0) throw new Error(`a cycle of references between ${describeCycle([...left], deps, sqlDir)}`);
    ready.sort((a, b) => (a.file < b.file ? -1 : 1));
    done.push(ready[0]!);
    left.delete(ready[0]!);
  }
  return done;
}

/** One cycle among the files left, as a → b → … → a. */
function describeCycle(left: SqlModelFile[], deps: Map<SqlModelFile, Set<SqlModelFile>>, sqlDir: string): string {
  const inLeft = new Set(left);
  const path: SqlModelFile[] = [];
  let f = left[0]!;
  while (!path.includes(f)) {
    path.push(f);
    f = [...deps.get(f)!].find((d) => inLeft.has(d))!;
  }
  return [...path.slice(path.indexOf(f)), f].map((x) => rel(sqlDir, x.file)).join(' → ');
}

/** A layer's files in the order they run. */
export function buildOrder(layer: Layer, sqlDir = SQL_DIR): string[] {
  return readProject(sqlDir).order.get(layer)!.map((f) => f.file);
}

/** The models a layer's files create. */
export function layerModels(layer: Layer, sqlDir = SQL_DIR): Set<string> {
  return new Set(readProject(sqlDir).order.get(layer)!.flatMap((f) => f.defines.map((d) => d.name)));
}

export async function runLayer(db: Db, layer: Layer, sqlDir = SQL_DIR): Promise<void> {
  for (const file of buildOrder(layer, sqlDir)) {
    try {
      await db.conn.run(renderSql(file));
    } catch (e) {
      throw new Error(`${path.relative(process.cwd(), file)}: ${(e as Error).message}`);
    }
  }
}

/**
 * The small-number threshold used when none is set: written once, in
 * sql/metrics/small_n_default.sql, and read from there by the command line (--min-requests).
 */
export function smallNDefault(sqlDir = SQL_DIR): number {
  const file = path.join(sqlDir, 'metrics', 'small_n_default.sql');
  const m = /\bMACRO\s+small_n_default\s*\(\s*\)\s+AS\s+(\d+)\s*;/iu.exec(stripSql(fs.readFileSync(file, 'utf8')));
  if (!m) throw new Error(`${rel(sqlDir, file)}: expected CREATE OR REPLACE MACRO small_n_default() AS <whole number>;`);
  return Number(m[1]);
}
