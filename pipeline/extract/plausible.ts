// Numbers no report can hold: a count is a whole number from 0 to a billion; only table 2's
// 本年增/减 may be negative and only its money columns may have decimals. Such a cell keeps its
// printed text, loses its value and is flagged, instead of being loaded as a number (never rounded).
import type { Flag, Grid } from './result.ts';

const SIGNED = new Set(['items_change']);
const MONEY = new Set(['fee_amount_wan_yuan', 'procurement_amount']);
const MAX_COUNT = 1e9;
const MAX_MONEY = 1e13;

function problem(col: string, v: number): string | null {
  if (!Number.isFinite(v)) return 'is not a finite number';
  if (v < 0 && !SIGNED.has(col)) return 'is negative, and a count cannot be';
  if (MONEY.has(col)) return Math.abs(v) > MAX_MONEY ? `is larger than ${MAX_MONEY.toExponential()}` : null;
  if (!Number.isInteger(v)) return 'has decimals, and a count cannot';
  if (Math.abs(v) > MAX_COUNT) return `is larger than ${MAX_COUNT.toExponential()}, beyond any report`;
  return null;
}

/** Null out and flag the impossible values of one table's cells (in place); returns the flags. */
export function flagImplausible(table: string, grid: Grid<string, string>): Flag[] {
  const flags: Flag[] = [];
  for (const [row, cols] of Object.entries(grid)) {
    for (const [col, cell] of Object.entries(cols ?? {})) {
      if (!cell || cell.value === null) continue;
      const why = problem(col, cell.value);
      if (!why) continue;
      flags.push({ cell: `${table}.${row}.${col}`, reason: 'implausible', detail: `the printed value "${cell.raw}" ${why}; left blank`, candidates: [cell.value] });
      cols![col] = { ...cell, value: null, kind: 'unreadable' };
    }
  }
  return flags;
}
