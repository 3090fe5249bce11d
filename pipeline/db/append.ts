// Bulk loading through the DuckDB Appender (row-by-row INSERT is ~400x slower).
import { DuckDBListType, DuckDBTimestampValue, type DuckDBAppender } from '@duckdb/node-api';
import type { Db } from './duck.ts';

function appendValue(a: DuckDBAppender, v: unknown, col: number): void {
  if (v === null || v === undefined) a.appendNull();
  else if (typeof v === 'string') a.appendVarchar(v);
  else if (typeof v === 'boolean') a.appendBoolean(v);
  else if (typeof v === 'bigint') a.appendBigInt(v);
  else if (typeof v === 'number') a.appendDouble(v);
  else if (v instanceof Date) a.appendTimestamp(new DuckDBTimestampValue(BigInt(v.getTime()) * 1000n));
  else if (Array.isArray(v)) a.appendList(v as never[], a.columnType(col) as DuckDBListType);
  else throw new Error(`cannot append ${typeof v}`);
}

/** Append rows (values in the table's column order). */
export async function appendRows(db: Db, table: string, rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const a = await db.conn.createAppender(table);
  try {
    for (const row of rows) {
      row.forEach((v, i) => appendValue(a, v, i));
      a.endRow();
    }
    a.flushSync();
  } finally {
    a.closeSync();
  }
}
