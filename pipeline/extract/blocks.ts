// The one intermediate form every reader produces, and its flattening into a token stream
// that the table extractors search. Table extraction is written once, against the stream.

/** A cell of a rectangular grid after rowspan/colspan expansion. */
export interface GridCell {
  text: string;
  /** false for the copies that a rowspan/colspan leaves in the cells it covers */
  origin: boolean;
  /** an empty cell that may be padding (text dumps of tables, see readers/bars.ts) */
  weak?: boolean;
  /** `||` in a text dump: padding of a spanned cell (see readers/bars.ts) */
  bare?: boolean;
  /** an empty cell that is certainly a cell, not a layout copy of a spanned one */
  sure?: boolean;
  /** the cell is in a rectangular table (Markdown): a row's values are its rightmost cells */
  aligned?: boolean;
}

export type Block =
  | { kind: 'text'; text: string; loc: string }
  | { kind: 'table'; rows: GridCell[][]; loc: string }
  /** cells printed one after another without a row structure (one cell per line with bars) */
  | { kind: 'cells'; cells: { text: string; weak: boolean; spacing?: boolean }[]; loc: string };

export type SourceKind = 'html' | 'text' | 'json' | 'docx' | 'pdf';

export interface ReadDocument {
  kind: SourceKind;
  blocks: Block[];
  /** title-like lines the reader found (HTML <title>, crawl header 标题:, first heading) */
  titles: string[];
  /** a 发布机构 / publisher line where the page has one */
  publisher?: string;
}

/**
 * One token of the stream. `hard` tokens are whole cells: their text is exactly one value
 * (possibly blank). Other tokens are free text in which values may be glued together.
 */
export interface Token {
  text: string;
  hard: boolean;
  /** the token is a cell of a real table grid (HTML, Word, pipe table) rather than a line of text */
  grid: boolean;
  /** a cell for sure though not in a grid: printed with its bar (`无 |`), or a `无` line between values */
  lineCell?: boolean;
  /** for grid cells: which grid row the cell is in */
  gridRow?: string;
  loc: string;
  start: number;
  /** an empty cell that may be padding rather than a blank cell */
  weak?: boolean;
  /** see GridCell */
  bare?: boolean;
  /** an empty cell that is certainly a cell (see GridCell) */
  sure?: boolean;
  /** see GridCell */
  aligned?: boolean;
  /** an empty line read as an empty cell: it may be mere spacing, the first thing to drop */
  spacing?: boolean;
  /** the printed line or grid row the token belongs to */
  line: string;
  /** a line of running text (not a cell of a grid or a bar dump): it may be wrapped mid-number */
  prose?: boolean;
}

export interface Stream {
  text: string;
  tokens: Token[];
}

// a count printed with its unit (`3件`, `5个`, `2项`, `4人次`) is the count
export const COUNT_UNIT = '件|[个条项次人份户家宗起篇期场批]次?';
// the 2019 本年增/减 written in words before the number (`增5`, `减少3`): the sign
export const SIGN_UP = '增加|增长|增';
export const SIGN_DOWN = '减少|减|下降';
const SIGN_WORD = `${SIGN_UP}|${SIGN_DOWN}`;
export const NO_CHANGE_WORDS = '未增未减|无增减|无增无减';
const SINGLE_VALUE = new RegExp(`^\\s*(?:${NO_CHANGE_WORDS}|(?:[+-]|${SIGN_WORD})?\\d+(?:\\.\\d+)?\\s*(?:万元|元|${COUNT_UNIT}|%)?|[/／\\\\]|[-—–－]+|[_＿]+)\\s*$`, 'u');

/**
 * True when a line or cell holds nothing but one value or marker: a cell of a one-cell-per-line
 * table. `无` counts only inside real grid cells: on a text line it may be a wrapped label piece.
 */
export function isSingleValue(text: string, inGrid = false): boolean {
  if (inGrid && text.trim() === '无') return true;
  return SINGLE_VALUE.test(text) && text.trim() !== '';
}

const REMARK = /^(?:备\s*注|说\s*明)$/u;

/**
 * Columns headed 备注 / 说明 (a remarks column some reports add at the right of a table): their
 * cells below the heading are notes, not values, and would otherwise add a cell to every row.
 * Column index -> the first row below its heading.
 */
function remarkColumns(rows: GridCell[][]): Map<number, number> {
  const out = new Map<number, number>();
  // only where the columns line up: a rectangular grid (HTML, Word, Markdown), not a bar dump
  if (new Set(rows.map((r) => r.length)).size !== 1 || rows.some((r) => r.some((c) => c.weak && !c.aligned))) return out;
  rows.slice(0, 4).forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell.origin && REMARK.test(cell.text.trim()) && c > 0 && !out.has(c)) out.set(c, r + 1);
    });
  });
  return out;
}

/**
 * Columns at the edges with nothing in any row, heading included (a table drawn wider than its content): their
 * empty cells would add a blank to every row, and which blank is layout could only be guessed.
 */
function emptyColumns(rows: GridCell[][]): Set<number> {
  const out = new Set<number>();
  if (rows.length < 2 || new Set(rows.map((r) => r.length)).size !== 1 || rows.some((r) => r.some((c) => c.weak && !c.aligned))) return out;
  // only at the edges: inside, a column empty in every row may be one whose heading a broken span
  // moved away, with blanks below it that are cells of the table
  // and only under a heading row (words in two cells or more, no number) that leaves it empty too:
  // a run of value rows alone may have a column of real blanks at its end
  const heading = rows.some((r) => r.filter((c) => c.text.trim() !== '').length >= 2 && !r.some((c) => /\d/u.test(c.text) && isSingleValue(c.text, true)));
  if (!heading) return out;
  const isEmpty = (c: number) => rows.every((r) => r[c]!.text.trim() === '');
  const width = rows[0]!.length;
  for (let c = width - 1; c > 0 && isEmpty(c); c--) out.add(c);
  for (let c = 0; c < width - 1 && isEmpty(c) && !out.has(c); c++) out.add(c);
  return out;
}

/** Flatten blocks into one string with a token index; tokens are separated by '\n'. */
export function toStream(blocks: Block[]): Stream {
  const tokens: Token[] = [];
  let text = '';
  const push = (t: string, hard: boolean, loc: string, gridRow?: string, cell?: { weak?: boolean; bare?: boolean; sure?: boolean; aligned?: boolean; spacing?: boolean }, line = gridRow ?? loc, prose = false) => {
    tokens.push({
      text: t,
      hard,
      grid: gridRow !== undefined,
      gridRow,
      loc,
      start: text.length,
      line,
      ...(cell?.weak ? { weak: true } : {}),
      ...(cell?.bare ? { bare: true } : {}),
      ...(cell?.sure ? { sure: true } : {}),
      ...(cell?.aligned ? { aligned: true } : {}),
      ...(cell?.spacing ? { spacing: true } : {}),
      ...(prose ? { prose } : {}),
    });
    text += t + '\n';
  };
  for (const b of blocks) {
    if (b.kind === 'text') {
      const lines = b.text.split('\n');
      lines.forEach((line, i) => {
        const loc = lines.length > 1 ? `${b.loc}+${i}` : b.loc;
        push(line, isSingleValue(line), loc, undefined, undefined, loc, true);
      });
    } else if (b.kind === 'cells') {
      b.cells.forEach((cell, c) => {
        push(cell.text, true, b.cells.length > 1 ? `${b.loc} c${c + 1}` : b.loc, undefined, cell, b.loc);
        tokens[tokens.length - 1]!.lineCell = true;
      });
    } else {
      const remarks = remarkColumns(b.rows);
      const empty = emptyColumns(b.rows);
      b.rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          if (cell.origin && !empty.has(c) && !(remarks.has(c) && r >= remarks.get(c)!)) push(cell.text.replace(/\s*\n\s*/g, ' '), true, `${b.loc} r${r + 1}c${c + 1}`, `${b.loc} r${r + 1}`, cell);
        });
      });
    }
  }
  // a line of just 无 between value lines is a cell of a one-cell-per-line dump (a wrapped label
  // never leaves 无 alone on a line)
  // (a run of them is reached from either end: one pass forward, one backward)
  const isValue = (n: Token | undefined) => n !== undefined && n.hard && (isSingleValue(n.text, n.grid) || n.lineCell === true);
  const mark = (i: number, from: number) => {
    const t = tokens[i]!;
    if (!t.grid && !t.lineCell && t.text.includes('无') && t.text.trim() === '无' && isValue(tokens[from])) Object.assign(t, { hard: true, lineCell: true });
  };
  for (let i = 1; i < tokens.length; i++) mark(i, i - 1);
  for (let i = tokens.length - 2; i >= 0; i--) mark(i, i + 1);
  return { text, tokens };
}

/** Index of the token containing stream offset `pos` (binary search). */
export function tokenAt(stream: Stream, pos: number): number {
  let lo = 0;
  let hi = stream.tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (stream.tokens[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
