// The Kysely table types (pipeline/db/tables.ts) against the schema of a real database built from
// corpus files: every column of each typed table or view is in its type and nothing else is, each
// type fits the column's DuckDB type as @duckdb/node-api returns it, a column typed non-NULL is NOT
// NULL in the DDL or has a not_null data test, and a column with an accepted_values data test is
// typed as exactly those values. Read with the TypeScript compiler, so the check sees the types as
// tsc does (Level, CheckStatus …).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genericSql, readTests } from '../pipeline/load/datatests.ts';
import { runAll } from '../pipeline/stages.ts';
import { corpusFolder, queryFile } from './helpers.ts';

interface Column {
  model: string;
  column: string;
  type: string;
  nullable: boolean;
  view: boolean;
}

/** Each property of each table type of `iface` in `file`, as its set of type atoms: 'string', "'ok'", 'null', 'Date', 'number[]' … */
export function typeAtoms(file: string, iface = 'Database'): Map<string, Map<string, Set<string>>> {
  const cfg = ts.readConfigFile('tsconfig.json', (f) => ts.sys.readFile(f));
  const opts = ts.parseJsonConfigFileContent(cfg.config, ts.sys, process.cwd()).options;
  const program = ts.createProgram([file], { ...opts, noEmit: true });
  const checker = program.getTypeChecker();
  const src = program.getSourceFile(file)!;
  const decl = src.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === iface);
  if (!decl) throw new Error(`${file} has no interface ${iface}`);
  const atoms = (t: ts.Type): string[] => {
    const out: string[] = [];
    for (const p of t.isUnion() ? t.types : [t]) {
      if (p.flags & ts.TypeFlags.Null) out.push('null');
      else if (p.flags & ts.TypeFlags.StringLiteral) out.push(`'${(p as ts.StringLiteralType).value}'`);
      else if (p.flags & ts.TypeFlags.String) out.push('string');
      else if (p.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) out.push('number');
      else if (p.flags & ts.TypeFlags.BigInt) out.push('bigint');
      else if (p.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) out.push('boolean');
      else if (checker.isArrayType(p)) out.push(...atoms(checker.getTypeArguments(p as ts.TypeReference)[0]!).map((a) => `${a}[]`));
      else out.push(checker.typeToString(p));
    }
    return out;
  };
  const result = new Map<string, Map<string, Set<string>>>();
  for (const table of checker.getTypeAtLocation(decl).getProperties()) {
    const t = checker.getTypeOfSymbolAtLocation(table, decl);
    const cols = new Map<string, Set<string>>();
    for (const c of t.getProperties()) cols.set(c.name, new Set(atoms(checker.getTypeOfSymbolAtLocation(c, decl))));
    result.set(table.name, cols);
  }
  return result;
}

// what @duckdb/node-api's getRowObjectsJS returns for each DuckDB type: the atoms a type may use,
// the first one it must
const JS: [RegExp, string[]][] = [
  [/^(VARCHAR|UUID)$/u, ['string']],
  [/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT|UINTEGER|FLOAT|DOUBLE|DECIMAL.*)$/u, ['number']],
  [/^(BIGINT|HUGEINT|UBIGINT)$/u, ['bigint', 'number']],
  [/^BOOLEAN$/u, ['boolean']],
  [/^(DATE|TIMESTAMP.*)$/u, ['Date']],
];

function allowed(duck: string): string[] | null {
  const list = /^(.*)\[\]$/u.exec(duck);
  if (list) return allowed(list[1]!)?.map((a) => `${a}[]`) ?? null;
  return JS.find(([re]) => re.test(duck))?.[1] ?? null;
}

/** What is wrong with the types in `types` against the database's columns and the data tests. */
export function typeProblems(types: Map<string, Map<string, Set<string>>>, columns: Column[], tests = readTests()): string[] {
  const problems: string[] = [];
  const notNull = new Set(tests.filter((t) => t.kind === 'not_null').flatMap((t) => t.column!.split(',').map((c) => `${t.model}.${c.trim()}`)));
  const accepted = new Map(tests.filter((t) => t.kind === 'accepted_values').map((t) => [`${t.model}.${t.column}`, new Set(t.arg!.split(/\s+/u).filter(Boolean))]));
  for (const [model, props] of types) {
    const cols = columns.filter((c) => c.model === model);
    if (cols.length === 0) {
      problems.push(`${model}: no such table or view`);
      continue;
    }
    for (const c of cols) if (!props.has(c.column)) problems.push(`${model}.${c.column} (${c.type}) is missing from the type`);
    for (const [name, atoms] of props) {
      const c = cols.find((x) => x.column === name);
      if (!c) {
        problems.push(`${model}.${name} is typed but is no column`);
        continue;
      }
      const key = `${model}.${name}`;
      const values = [...atoms].filter((a) => a !== 'null');
      const ok = allowed(c.type);
      const literals = values.filter((a) => a.startsWith("'"));
      if (!ok) problems.push(`${key}: no TypeScript type known for ${c.type}`);
      else if (literals.length > 0) {
        if (ok[0] !== 'string' || literals.length !== values.length) problems.push(`${key}: ${[...atoms].join(' | ')} does not fit ${c.type}`);
      } else if (!values.includes(ok[0]!) || values.some((a) => !ok.includes(a))) {
        problems.push(`${key}: ${[...atoms].join(' | ')} does not fit ${c.type} (returned as ${ok[0]})`);
      }
      const want = accepted.get(key);
      const got = new Set(literals.map((l) => l.slice(1, -1)));
      if (want && (got.size !== want.size || [...want].some((v) => !got.has(v)))) {
        problems.push(`${key}: typed ${[...atoms].join(' | ')}, but its accepted_values test allows ${[...want].join(' ')}`);
      }
      if (!want && got.size > 0) problems.push(`${key}: typed as ${[...got].join(' | ')}, but no accepted_values test checks that`);
      const mayBeNull = c.nullable && !notNull.has(key);
      if (!atoms.has('null') && mayBeNull) problems.push(`${key} is typed non-NULL, but the column may be NULL (no NOT NULL, no not_null test)`);
      if (atoms.has('null') && !c.nullable) problems.push(`${key} is typed as possibly NULL, but the column is NOT NULL`);
    }
  }
  return problems;
}

let dir: string;
let dbFile: string;
let columns: Column[];

beforeAll(async () => {
  const c = corpusFolder('types', ['longgang-2022.txt', 'pingtan-gaj_2022_1.txt']);
  dir = c.dir;
  dbFile = c.db;
  await runAll({ db: c.db, input: c.raw, log: () => {} });
  columns = await queryFile<Column>(
    c.db,
    `SELECT c.table_name AS model, c.column_name AS column, c.data_type AS type, c.is_nullable AS nullable, v.view_name IS NOT NULL AS view
     FROM duckdb_columns() c LEFT JOIN duckdb_views() v ON v.view_name = c.table_name AND v.schema_name = c.schema_name
     WHERE c.schema_name = 'main' AND NOT c.internal ORDER BY c.table_name, c.column_index`,
  );
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Kysely table types', () => {
  it('match the schema: every column, compatible types, NULL where it can be, the accepted values', () => {
    const types = typeAtoms('pipeline/db/tables.ts');
    expect(types.size).toBeGreaterThan(10);
    expect(typeProblems(types, columns)).toEqual([]);
  });

  it('the check catches a missing column, a loose level, a wrong type and a NULL typed away', () => {
    // a copy of the types with the drift tables.ts had before this check
    const file = path.join(dir, 'drift.ts');
    fs.writeFileSync(
      file,
      `export interface Database {
        bodies: { body_id: string; name: string; level: string; region_code: string | null; parent_body_id: string | null; inferred: boolean };
        document_bodies: { document_id: string; body_id: string | null; year: string | null };
        meta: { key: string; value: string };
      }\n`,
    );
    expect(typeProblems(typeAtoms(file), columns)).toEqual([
      'bodies.level: typed string, but its accepted_values test allows province city district county department street township other',
      'document_bodies.year: null | string does not fit INTEGER (returned as number)',
      'meta.value is typed non-NULL, but the column may be NULL (no NOT NULL, no not_null test)',
    ]);
    fs.writeFileSync(file, `export interface Database { extractions: { document_id: string } }\n`);
    expect(typeProblems(typeAtoms(file), columns)).toContain('extractions.notes (VARCHAR[]) is missing from the type');
  });
});

describe('not_null over several columns (what the non-NULL types rest on)', () => {
  it('fails on a NULL in any of them, in one read of the model', async () => {
    const bad = genericSql('reports', 'not_null', 'report_id, source_url', '');
    expect(bad.name).toBe('not_null(report_id, source_url)');
    // the corpus files have no fetch sidecar: source_url is NULL in every report
    const rows = await queryFile<{ report_id: string; source_url: null }>(dbFile, bad.sql);
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.source_url === null)).toBe(true);
    expect(await queryFile(dbFile, genericSql('reports', 'not_null', 'report_id, body_id, source_path', '').sql)).toEqual([]);
  });
});
