// The columns a table 2 block's header prints, where it prints fewer than its format has (a body
// that cut the 2019 block （五） to `信息内容 | 项目数量 | 处理决定数量`, or （六） to `处理决定数量`):
// its values belong to the columns it names, not to the first ones of the format.
import type { T2Col } from '../codes.ts';

// a header cell's words and the column they name (text already simplified by repair.ts)
const COLUMN_WORDS: [RegExp, T2Col][] = [
  [/上一?年(?:度)?项目数/u, 'prev_year_items'],
  [/增\s*[/／、]?\s*减/u, 'items_change'],
  [/处理决定/u, 'decisions'],
  [/新制作/u, 'newly_made'],
  [/新公开/u, 'newly_published'],
  [/对外公开总/u, 'published_total'],
  [/制发/u, 'issued'],
  [/废止/u, 'repealed'],
  [/现行有效/u, 'in_force'],
];
// a whole header cell: words that end as a column's name does (`本年新` alone is half of one)
const HEADER_CELL = /^[\u3400-\u9fff/／、]{2,20}(?:数量|件数|数|量)$/u;

/**
 * The columns named, in printed order, by the block header of the row whose label starts at
 * `label`: the header cells after the last `信息内容` before it, up to the block's first row (the
 * first of `rowStarts` after it). A cell naming no column of `cols` (a bare 项目数量) is null.
 * Null when no such header is printed, when it names all of `cols` or more, or when its cells are
 * not whole column names (a header wrapped over lines): then the columns are the format's own.
 */
export function printedColumns(text: string, blockStart: number, label: number, cols: readonly T2Col[], rowStarts: readonly number[]): (T2Col | null)[] | null {
  const at = text.lastIndexOf('信息内容', label);
  // the header ends at its block's first row (the row itself, or one before it in the same block)
  const end = Math.min(label, ...rowStarts.filter((r) => r > at));
  // (a caption between that header and the row: the header is another block's)
  if (at < blockStart || /第\s*二\s*十\s*条/u.test(text.slice(at, label))) return null;
  const cells = text
    .slice(at + '信息内容'.length, end)
    // (every space splits too: a header wrapped inside a cell, `本年新` / `制作数量`, then has a
    // piece that is no whole column name, and the format's columns stand)
    .split(/[|｜\s]+/u)
    .filter((c) => c !== '');
  if (cells.length === 0 || cells.length >= cols.length || !cells.every((c) => HEADER_CELL.test(c))) return null;
  const names = cells.map((c) => COLUMN_WORDS.filter(([re]) => re.test(c)).map(([, col]) => col));
  // a cell naming two columns is a header printed without its separators (`信息内容本年新制作数量本年新公开数量…`),
  // one naming none must be short (`项目数量`)
  if (names.some((n, i) => n.length > 1 || (n.length === 0 && cells[i]!.length > 6))) return null;
  const named = names.map((n) => (n.length === 1 && cols.includes(n[0]!) ? n[0]! : null));
  const known = named.filter((c): c is T2Col => c !== null);
  // nothing named, or one column named twice: no better than the format's order
  if (known.length === 0 || new Set(known).size < known.length) return null;
  return named;
}
