// Printing query results: an aligned text table (CJK counts double width), CSV or JSON lines.
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return JSON.stringify(v.map((x) => (typeof x === 'bigint' ? Number(x) : x)));
  if (typeof v === 'object') return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? Number(x) : x));
  return String(v);
}

export function textTable(columns: string[], rows: Record<string, unknown>[]): string {
  const cells = rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? 'NULL' : cellText(r[c]))));
  const widths = columns.map((c, i) => Math.max(width(c), ...cells.map((r) => width(r[i]!))));
  const pad = (s: string, i: number) => s + ' '.repeat(widths[i]! - width(s));
  const line = widths.map((w) => '-'.repeat(w)).join('-+-');
  return [columns.map(pad).join(' | '), line, ...cells.map((r) => r.map(pad).join(' | ')), `(${rows.length} row${rows.length === 1 ? '' : 's'})`].join('\n');
}

export function csvTable(columns: string[], rows: Record<string, unknown>[]): string {
  const q = (s: string) => (/[",\n\r]/u.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return [columns.map(q).join(','), ...rows.map((r) => columns.map((c) => q(cellText(r[c]))).join(','))].join('\n');
}

export function jsonLines(rows: Record<string, unknown>[]): string {
  return rows.map((r) => JSON.stringify(r, (_, x) => (typeof x === 'bigint' ? Number(x) : x))).join('\n');
}
