// How values are written in the published files (deterministic: fixed decimals, no locale).
import type { ColumnKind } from './tables.ts';

export function displayValue(v: unknown, kind: ColumnKind): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'bigint') v = Number(v);
  if (typeof v !== 'number') return String(v);
  switch (kind) {
    case 'share':
      return `${(v * 100).toFixed(1)}%`;
    case 'per_100':
    case 'money':
      return v.toFixed(2);
    case 'count':
    case 'int':
    case 'rank':
      return String(Math.round(v));
    default:
      return String(v);
  }
}

/** CSV/Markdown-safe plain number: shares as percentages with one decimal. */
export function plainValue(v: unknown, kind: ColumnKind): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'bigint') v = Number(v);
  if (typeof v === 'number' && kind === 'share') return (v * 100).toFixed(1);
  return displayValue(v, kind);
}

/**
 * A text cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return: OWASP's list for CSV injection) gets a leading apostrophe, so that Excel,
 * LibreOffice and Google Sheets show it as text. Numbers are never passed through this.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/u.test(s) ? `'${s}` : s;
}

/** A Markdown cell: HTML escaped (Markdown passes raw HTML through), pipes escaped, on one line; text is also formula-safe. */
export function markdownCell(s: string, text = true): string {
  return (text ? neutraliseFormula(s) : s)
    .replace(/[&<>"\\|]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\\': '\\\\', '|': '\\|' })[c]!)
    .replace(/[\r\n\u2028\u2029]+/gu, ' ');
}

/** The footnote marker of a value computed from a cell a person corrected (xxgk correct). */
export const CORRECTED_MARK = '†';
/** The row key listing the columns whose value is computed from a corrected cell. */
export const CORRECTED_KEY = '__corrected';
export const CORRECTED_NOTE = '† 含人工更正的数值 (computed from a cell corrected by a reviewer: xxgk correct, see the corrections table)';

/** Whether a published value is computed from a corrected cell. */
export function isCorrected(row: Record<string, unknown>, key: string): boolean {
  const keys = row[CORRECTED_KEY];
  return Array.isArray(keys) && keys.includes(key);
}
