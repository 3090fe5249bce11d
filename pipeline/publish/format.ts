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
