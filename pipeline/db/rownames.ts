// The check every by-name writer makes of a row against its table's columns (append.ts for the
// main thread, the extraction spool in the workers): no DuckDB import, so the workers load nothing more.

/**
 * An unknown name, or a column of the table the row does not name (which read_json would fill
 * with NULL), is an error, never a value in the wrong column or a silent NULL.
 */
export function checkRowNames(table: string, row: Record<string, unknown>, columns: readonly string[], known: ReadonlySet<string> = new Set(columns)): void {
  const keys = Object.keys(row);
  if (keys.length === columns.length && keys.every((k) => known.has(k))) return;
  const unknown = keys.filter((k) => !known.has(k));
  const missing = columns.filter((c) => !(c in row));
  throw new Error(`rows for ${table}: ${[unknown.length ? `no column ${unknown.join(', ')}` : '', missing.length ? `no value for ${missing.join(', ')}` : ''].filter(Boolean).join('; ')}`);
}
