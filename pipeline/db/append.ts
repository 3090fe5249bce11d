// Bulk loading: rows are written to a temporary NDJSON file and inserted with read_json, which
// is about 20x faster than the Appender fed value by value from JavaScript at millions of cells
// (and row-by-row INSERT is slower still).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Db, query } from './duck.ts';
import { checkRowNames } from './rownames.ts';
import type { Database } from './tables.ts';
import { sqlString } from './duck.ts';

const columnsCache = new Map<string, { name: string; type: string }[]>();

/** A table's columns and types in order (cached per database file). */
export async function columnsOf(db: Db, table: string) {
  const key = `${db.path}:${table}`;
  let cols = columnsCache.get(key);
  if (!cols) {
    cols = await query<{ name: string; type: string }>(
      db,
      `SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = $1 AND NOT internal ORDER BY column_index`,
      [table],
    );
    columnsCache.set(key, cols);
  }
  return cols;
}

/** Forget the cached column lists (after the schema changed: prepare adds and drops columns). */
export function clearColumnsCache(): void {
  columnsCache.clear();
}

/**
 * Insert NDJSON files whose objects are keyed by the table's column names, in one statement. With
 * `names`, only those columns are written, by name (the others get their default, NULL).
 */
export async function insertNdjson(db: Db, table: string, files: string[], names?: readonly string[]): Promise<void> {
  let cols = await columnsOf(db, table);
  if (names) {
    const byName = new Map(cols.map((c) => [c.name, c]));
    cols = names.map((n) => {
      const c = byName.get(n);
      if (!c) throw new Error(`${table} has no column ${n}`);
      return c;
    });
  }
  const list = files.map(sqlString).join(', ');
  const spec = cols.map((c) => `'${c.name}': '${c.type}'`).join(', ');
  const target = names ? `${table} (${cols.map((c) => `"${c.name}"`).join(', ')})` : table;
  await db.conn.run(
    `INSERT INTO ${target} SELECT * FROM read_json([${list}], format = 'newline_delimited', columns = {${spec}}, maximum_object_size = 67108864)`,
  );
}

const json = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? Number(v) : v);

/** One row of `table` by column name: every column of its type in pipeline/db/tables.ts, no other. */
export type Row<T extends keyof Database> = { [K in keyof Database[T]]: unknown };

/**
 * Insert rows given as objects keyed by column name. The names are checked twice: by the compiler
 * against the table's type (tables.ts, itself checked against the DDL by a test) and here against
 * the table's columns in the database: an unknown name, or a column of the table a row does not
 * name (a column added to the DDL that this writer does not fill yet), is an error, never a value
 * in the wrong column or a silent NULL.
 */
export async function insertRows<T extends keyof Database>(db: Db, table: T, rows: readonly Row<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = (await columnsOf(db, table)).map((c) => c.name);
  const known = new Set(cols);
  const lines: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    checkRowNames(table, row, cols, known);
    const obj: Record<string, unknown> = {};
    for (const c of cols) obj[c] = json(row[c]);
    lines[i] = JSON.stringify(obj);
  }
  await insertLines(db, table, lines, cols);
}

async function insertLines(db: Db, table: string, lines: string[], names?: readonly string[]): Promise<void> {
  const file = path.join(os.tmpdir(), `xxgk-${process.pid}-${crypto.randomBytes(6).toString('hex')}.ndjson`);
  try {
    fs.writeFileSync(file, lines.join('\n') + '\n');
    await insertNdjson(db, table, [file], names);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/**
 * Append rows given positionally: values in the table's column order, or, with `names`, in the
 * order of those columns. Prefer insertRows (by name, checked): a column added to the DDL shifts
 * the values of a positional row without `names`. Left for the user_groups writer of publish.
 */
export async function appendRows(db: Db, table: string, rows: unknown[][], names?: readonly string[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = names ? names.map((name) => ({ name })) : await columnsOf(db, table);
  const lines: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const obj: Record<string, unknown> = {};
    cols.forEach((c, j) => (obj[c.name] = json(row[j])));
    lines[i] = JSON.stringify(obj);
  }
  await insertLines(db, table, lines, names);
}
