// Printing query results: an aligned text table (CJK counts double width, numbers right-aligned,
// fitted to the terminal when it would wrap), CSV or JSON lines; and colour only for a terminal.
import { styleText } from 'node:util';

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/** `s` cut to at most `w` columns, with an ellipsis where something was cut. */
function truncate(s: string, w: number): string {
  if (width(s) <= w) return s;
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > w - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * Whether to colour what goes to `stream`: only a terminal, and not when NO_COLOR is set or TERM
 * is dumb (Node's hasColors() reads NO_COLOR, FORCE_COLOR and TERM).
 */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return stream.isTTY === true && typeof stream.hasColors === 'function' && stream.hasColors();
}

export type Style = 'header' | 'null' | 'error' | 'dim';
const STYLES: Record<Style, Parameters<typeof styleText>[0]> = { header: 'bold', null: 'dim', error: 'red', dim: 'dim' };
export const paint = (on: boolean) => (style: Style, s: string) => (on ? styleText(STYLES[style], s) : s);

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return JSON.stringify(v.map((x) => (typeof x === 'bigint' ? Number(x) : x)));
  if (typeof v === 'object') return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? Number(x) : x));
  return String(v);
}

export interface TableOptions {
  /** the terminal's width: wider tables have their widest columns cut (with …) to fit */
  maxWidth?: number;
  color?: boolean;
}

const SEP = ' | ';
const MIN_COL = 4;

export function textTable(columns: string[], rows: Record<string, unknown>[], o: TableOptions = {}): string {
  const style = paint(o.color === true);
  const cells = rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? 'NULL' : cellText(r[c]))));
  // a column is numeric when every value in it is a number: those are right-aligned
  const numeric = columns.map((c) => rows.some((r) => r[c] !== null && r[c] !== undefined) && rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number' || typeof r[c] === 'bigint'));
  const widths = columns.map((c, i) => Math.max(width(c), ...cells.map((r) => width(r[i]!))));
  if (o.maxWidth && o.maxWidth > 0) {
    const total = () => widths.reduce((a, b) => a + b, 0) + SEP.length * (widths.length - 1);
    // narrow the widest column one step at a time until the table fits (or nothing can narrow)
    while (total() > o.maxWidth) {
      const i = widths.indexOf(Math.max(...widths));
      if (widths[i]! <= MIN_COL) break;
      widths[i]!--;
    }
  }
  const pad = (s: string, i: number) => {
    const t = truncate(s, widths[i]!);
    const fill = ' '.repeat(widths[i]! - width(t));
    return numeric[i] ? fill + t : t + fill;
  };
  const line = widths.map((w) => '-'.repeat(w)).join('-+-');
  const isNull = (r: number, i: number) => rows[r]![columns[i]!] === null || rows[r]![columns[i]!] === undefined;
  const body = cells.map((cs, r) => cs.map((s, i) => (isNull(r, i) ? style('null', pad(s, i)) : pad(s, i))).join(SEP));
  return [style('header', columns.map(pad).join(SEP)), line, ...body, `(${rows.length} row${rows.length === 1 ? '' : 's'})`].join('\n');
}

export function csvTable(columns: string[], rows: Record<string, unknown>[]): string {
  const q = (s: string) => (/[",\n\r]/u.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return [columns.map(q).join(','), ...rows.map((r) => columns.map((c) => q(cellText(r[c]))).join(','))].join('\n');
}

export function jsonLines(rows: Record<string, unknown>[]): string {
  return rows.map((r) => JSON.stringify(r, (_, x) => (typeof x === 'bigint' ? Number(x) : x))).join('\n');
}
