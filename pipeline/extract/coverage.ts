// Flags at cell level. A row or table that was not read is flagged once by the reader; here each
// labelled cell it covers gets the flag, so that a consumer can tell a missing cell (flagged) from
// one the report does not have (absent), cell by cell.
import { type Format, T2_LAYOUT, T3_COLS, T3_ROWS_F2019, T3_ROWS_F2021, T4_COLS, T4_GROUPS } from '../codes.ts';
import type { Flag } from './result.ts';

function cellsOf(key: string, format: Format | null, t2Format: Format | null): string[] | null {
  const [table, row, col] = key.split('.');
  if (col !== undefined) return null;
  if (table === 't3') {
    const rows = row ? [row] : format === 'f2019' ? T3_ROWS_F2019 : T3_ROWS_F2021;
    return rows.flatMap((r) => T3_COLS.map((c) => `t3.${r}.${c}`));
  }
  if (table === 't4') {
    const groups = row ? [row] : T4_GROUPS;
    return groups.flatMap((g) => T4_COLS.map((c) => `t4.${g}.${c}`));
  }
  if (table === 't2') {
    // with no format known, a row's cells are those of either layout
    const f = t2Format ?? format;
    const layouts = f ? [T2_LAYOUT[f]] : [T2_LAYOUT.f2021, T2_LAYOUT.f2019];
    const rows = row ? [row] : [...new Set(layouts.flatMap((l) => Object.keys(l)))];
    return [...new Set(rows.flatMap((r) => layouts.flatMap((l) => (l[r as keyof typeof l] ?? []).map((c) => `t2.${r}.${c}`))))];
  }
  return null;
}

/** Every row- or table-level flag replaced by one flag per cell it covers (same reason and detail). */
export function flagsPerCell(flags: Flag[], format: Format | null, t2Format: Format | null): Flag[] {
  const out: Flag[] = [];
  const seen = new Set<string>();
  for (const f of flags) {
    const cells = cellsOf(f.cell, format, t2Format);
    for (const cell of cells ?? [f.cell]) {
      const id = `${cell}\u0000${f.reason}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(cells ? { ...f, cell } : f);
    }
  }
  return out;
}
