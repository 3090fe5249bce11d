// Data tests declared beside the models and run by `xxgk load` after the build (a failure fails
// the load, inside its transaction, so the last good database stays) and by `xxgk test`.
//
// Generic tests, one CSV sidecar per sql/ folder (sql/<folder>/_tests.csv: model, test, column, arg):
//   unique            column is one column or several separated by commas ("body_id, year")
//   not_null          column, or several separated by commas (a row fails when any is NULL)
//   relationships     column's non-NULL values exist in arg, written table.column (samples: the
//                     missing values with their row counts)
//   accepted_values   column's non-NULL values are among arg, separated by spaces
//   expression        arg is a boolean SQL expression over the model's columns that must be true
//                     on every row (NULL counts as false)
// Singular tests, one SQL file each (sql/<folder>/tests/<name>.sql): a query returning the rows
// that violate the rule, with `-- model: <name>` in its leading comment.
// Every test passes when its query returns no rows.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type Db, openRead, query, SQL_DIR, UserError } from '../db/duck.ts';
import { LAYERS } from '../db/sqlfiles.ts';
import { timing } from './timing.ts';
import { sqlString } from '../db/duck.ts';

export const TEST_KINDS = ['unique', 'not_null', 'relationships', 'accepted_values', 'expression', 'singular'] as const;
export type TestKind = (typeof TEST_KINDS)[number];

export interface DataTest {
  model: string;
  kind: TestKind;
  /** e.g. unique(report_id), relationships(body_id -> bodies.body_id), or the singular test's file name */
  name: string;
  /** the query returning violating rows */
  sql: string;
  /** for a test of single rows (not_null, accepted_values, expression): the condition a violating row meets */
  where?: string;
  /** where it is declared, relative to sql/ */
  file: string;
  /** a generic test's column and argument as declared (accepted_values: the values, space separated) */
  column?: string;
  arg?: string;
}

export interface TestFailure {
  test: DataTest;
  rows: number;
  sample: Record<string, unknown>[];
}

const SAMPLE = 5;
const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
const lit = sqlString;
const list = (s: string) =>
  s
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);

/** The SQL of one generic test: the rows that violate it. */
export function genericSql(model: string, kind: TestKind, column: string, arg: string): { name: string; sql: string; where?: string } {
  const m = ident(model);
  const row = (name: string, where: string) => ({ name, sql: `SELECT * FROM ${m} WHERE ${where}`, where });
  switch (kind) {
    case 'unique': {
      const cols = list(column).map(ident).join(', ');
      return { name: `unique(${list(column).join(', ')})`, sql: `SELECT ${cols}, count(*) AS n FROM ${m} GROUP BY ${cols} HAVING count(*) > 1` };
    }
    case 'not_null': {
      // several columns in one test: one condition, so the model is read once
      const cols = list(column);
      return row(`not_null(${cols.join(', ')})`, cols.map((c) => `${ident(c)} IS NULL`).join(' OR '));
    }
    case 'relationships': {
      const [table, col] = arg.split('.');
      if (!table || !col) throw new Error(`relationships needs table.column, got "${arg}"`);
      return {
        name: `relationships(${column} -> ${arg})`,
        // the missing keys with their row counts: carrying every column of a large table through
        // the anti join costs more than the test itself
        sql: `SELECT x.${ident(column)}, count(*) AS rows FROM ${m} x WHERE x.${ident(column)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${ident(table)} y WHERE y.${ident(col)} = x.${ident(column)}) GROUP BY ALL`,
      };
    }
    case 'accepted_values': {
      const values = arg.split(/\s+/u).filter(Boolean);
      return row(`accepted_values(${column}: ${values.join(' ')})`, `${ident(column)} IS NOT NULL AND ${ident(column)}::VARCHAR NOT IN (${values.map(lit).join(', ')})`);
    }
    case 'expression':
      return row(`expression(${arg})`, `(${arg}) IS NOT TRUE`);
    default:
      throw new Error(`unknown test kind "${kind}" (one of ${TEST_KINDS.filter((k) => k !== 'singular').join(', ')})`);
  }
}

/** Every declared test, in layer order: the CSV sidecars, then the singular SQL files. */
export function readTests(sqlDir = SQL_DIR): DataTest[] {
  const out: DataTest[] = [];
  for (const layer of LAYERS) {
    const csv = path.join(sqlDir, layer, '_tests.csv');
    if (fs.existsSync(csv)) {
      const rel = path.relative(sqlDir, csv);
      let rows: { model: string; test: string; column?: string; arg?: string }[];
      try {
        rows = parse(fs.readFileSync(csv, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true });
      } catch (e) {
        throw new Error(`sql/${rel}: ${(e as Error).message}`);
      }
      rows.forEach((r, i) => {
        try {
          const g = genericSql(r.model, r.test as TestKind, r.column ?? '', r.arg ?? '');
          out.push({ model: r.model, kind: r.test as TestKind, ...g, file: rel, column: r.column ?? '', arg: r.arg ?? '' });
        } catch (e) {
          throw new Error(`sql/${rel} row ${i + 2}: ${(e as Error).message}`);
        }
      });
    }
    const dir = path.join(sqlDir, layer, 'tests');
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.sql')).sort()) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const model = /^--\s*model:\s*(\w+)/mu.exec(text)?.[1];
      const rel = path.relative(sqlDir, path.join(dir, f));
      if (!model) throw new Error(`sql/${rel}: name the model it tests in a "-- model: <name>" line`);
      out.push({ model, kind: 'singular', name: f.replace(/\.sql$/u, ''), sql: text.replace(/;\s*$/u, ''), file: rel });
    }
  }
  return out;
}

/**
 * Which of the row tests of one model (not_null, accepted_values, expression) some row violates,
 * in one scan of the model: counting each test's violations side by side costs one pass over a
 * million cells instead of one per test.
 */
async function violatedRowTests(db: Db, model: string, tests: DataTest[]): Promise<Set<DataTest>> {
  let counts: Record<string, unknown>;
  try {
    [counts] = (await query(db, `SELECT ${tests.map((t, i) => `count(*) FILTER (WHERE ${t.where}) AS t${i}`).join(', ')} FROM ${ident(model)}`)) as [Record<string, unknown>];
  } catch {
    // one of them cannot run: each on its own says which
    return new Set(tests);
  }
  return new Set(tests.filter((_, i) => Number(counts[`t${i}`]) > 0));
}

/** Run the tests; the failures carry how many rows violate and up to 5 of them. */
export async function runDataTests(db: Db, tests = readTests()): Promise<{ run: number; failures: TestFailure[] }> {
  const failures: TestFailure[] = [];
  // the row tests of a model with several: run on their own only when the shared scan found violations
  const byModel = new Map<string, DataTest[]>();
  for (const t of tests) if (t.where !== undefined) byModel.set(t.model, [...(byModel.get(t.model) ?? []), t]);
  const passed = new Set<DataTest>();
  for (const [model, list] of byModel) {
    if (list.length < 2) continue;
    const t0 = performance.now();
    const violated = await violatedRowTests(db, model, list);
    timing?.(`test ${model}: ${list.length} row tests in one scan`, t0);
    for (const t of list) if (!violated.has(t)) passed.add(t);
  }
  for (const test of tests) {
    if (passed.has(test)) continue;
    let rows: Record<string, unknown>[];
    const t0 = performance.now();
    try {
      rows = await query(db, `SELECT *, count(*) OVER () AS violations FROM (${test.sql}) LIMIT ${SAMPLE}`);
    } catch (e) {
      throw new Error(`data test ${test.model}: ${test.name} (sql/${test.file}) could not run: ${(e as Error).message}`);
    }
    timing?.(`test ${test.model}: ${test.name}`, t0);
    if (rows.length === 0) continue;
    const n = Number(rows[0]!.violations);
    failures.push({ test, rows: n, sample: rows.map(({ violations: _v, ...r }) => r) });
  }
  return { run: tests.length, failures };
}

const show = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString() : v);

export function formatFailure(f: TestFailure): string {
  const head = `${f.test.model}: ${f.test.name} failed on ${f.rows} row${f.rows === 1 ? '' : 's'} (sql/${f.test.file})`;
  const rows = f.sample.map((r) => `    ${JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, show(v)])))}`);
  return [head, ...rows, ...(f.rows > f.sample.length ? [`    … ${f.rows - f.sample.length} more`] : [])].join('\n');
}

/** A load whose data tests fail: its transaction is rolled back, the previous database stays. */
export class DataTestError extends UserError {
  constructor(readonly failures: TestFailure[]) {
    super(
      `${failures.length} data test${failures.length === 1 ? '' : 's'} failed; nothing was loaded, the previous database is unchanged:\n` +
        failures.map(formatFailure).join('\n'),
    );
  }
}

/** `xxgk test`: run every data test against an existing database (read-only); exit 1 when any fails. */
export async function runTestCommand(file: string, out: (s: string) => void): Promise<number> {
  const db = await openRead(file);
  try {
    const tests = readTests();
    const { failures } = await runDataTests(db, tests);
    const failed = new Set(failures.map((f) => f.test));
    for (const t of tests) if (!failed.has(t)) out(`ok    ${t.model}: ${t.name}`);
    for (const f of failures) out(`FAIL  ${formatFailure(f)}`);
    out(`${tests.length - failures.length} passed, ${failures.length} failed`);
    return failures.length ? 1 : 0;
  } finally {
    db.close();
  }
}
