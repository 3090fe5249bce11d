// Rows of table 3 whose labels a converter printed apart from their numbers: PDF-to-Markdown turns a
// label of several lines into plain text lines (`5.要求行政机关确认或` / `重新出具已获取信息`) and
// keeps the row's numbers as a table row of their own (`| 0 | 0 | 0 | 0 | 0 | 0 | 0 |`).
import { type Stream, type Token, tokenAt } from './blocks.ts';

export interface GridRow {
  /** offset of the row's first cell */
  start: number;
  /** the grid row (`line 159 r2`) */
  gridRow: string;
  cells: Token[];
}

/** The grid rows that start in [from, to), with their cells. */
export function gridRows(stream: Stream, from: number, to: number): GridRow[] {
  const out: GridRow[] = [];
  for (let k = tokenAt(stream, from); k < stream.tokens.length; k++) {
    const t = stream.tokens[k]!;
    if (t.start < from || !t.gridRow) continue;
    if (t.start >= to) break;
    const last = out[out.length - 1];
    if (last && last.gridRow === t.gridRow) last.cells.push(t);
    else out.push({ start: t.start, gridRow: t.gridRow, cells: [t] });
  }
  return out;
}

/** Grid rows in which no label was found (`labelStarts`: where the labels found start). */
export function unlabelledRows(rows: GridRow[], labelStarts: number[]): GridRow[] {
  return rows.filter((r) => {
    const end = r.cells[r.cells.length - 1]!.start + r.cells[r.cells.length - 1]!.text.length;
    return !labelStarts.some((x) => x >= r.start && x <= end);
  });
}
