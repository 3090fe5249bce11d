// Lines of text dumps of HTML tables, in every bar style crawlers print: `label | v | v |`,
// `| a | b |` (Markdown), one cell per line ending ` |`, a lone `|` opening each row, the padding
// of spanned cells as extra bars (` | |||`, a `|||` line of its own), the value and its `|` on
// separate lines. Which empty cells are real and which are padding cannot be told from one line,
// so trailing empties are `weak`: the table reader drops them when a row has more cells than
// columns (segment.ts), and keeps them as blank cells when it needs them.

export interface BarCell {
  text: string;
  /** an empty cell that may be spanned-cell padding or a row opener rather than a blank cell */
  weak: boolean;
  /** bars with nothing between them (`||`): a spanned cell's padding, never a cell of its own */
  bare?: boolean;
}

const BAR = /[|｜]/u;
const RULE = /^\s*[|｜]?\s*:?-{2,}:?\s*(?:[|｜]\s*:?-{2,}:?\s*)*[|｜]?\s*$/u;

/**
 * The cells of one line, or null when the line has no bar. A Markdown rule line has none.
 * `opening`: the document opens its rows with a bar (`| a | b |`); where it does not (`a | b |`), a
 * line that starts with a bar starts with an empty cell.
 */
export function barCells(line: string, opening = true): BarCell[] | null {
  if (!BAR.test(line)) return null;
  if (RULE.test(line)) return [];
  const parts = line.split(/[|｜]/u);
  // the parts before the first bar and after the last stand between no two bars
  const first = parts[0]!.trim() === '' && (opening || barsOnly(line)) ? 1 : 0;
  // text before the first bar is a cell only when there is some (`| a |` opens with a delimiter);
  // text after the last bar likewise (`a | b |` closes with a terminator, `a | b` does not)
  const last = parts.length > 1 && parts[parts.length - 1]!.trim() === '' ? parts.length - 1 : parts.length;
  let lastContent = -1;
  for (let i = first; i < last; i++) if (parts[i]!.trim() !== '') lastContent = i;
  const out: BarCell[] = [];
  // `||` (bars with nothing, not even a space, between them) is how dumps print a spanned cell;
  // its run opens with the space after the last cell's bar (`8 | ||||`, `第二十条第（一）项 | |||`),
  // so the empty before the first `||` of a row's tail is padding too (`3 | | ||`: 3, a blank, padding)
  let padStart = -1;
  for (let i = Math.max(first, lastContent + 1); i < last; i++) {
    if (parts[i] === '' && i > 0) {
      padStart = i > lastContent + 1 && parts[i - 1]!.trim() === '' ? i - 1 : i;
      break;
    }
  }
  for (let i = first; i < last; i++) {
    const p = parts[i]!;
    const text = p.trim();
    const bare = (p === '' && i > 0 && i < parts.length - 1) || (padStart >= 0 && i === padStart);
    out.push({ text, weak: text === '' && (i > lastContent || p === ''), ...(bare ? { bare: true } : {}) });
  }
  return out;
}

/** Number of cells with text. */
export const contentCount = (cells: BarCell[]) => cells.reduce((n, c) => n + (c.text === '' ? 0 : 1), 0);

/** True when a line is nothing but bars and spaces (`|`, `|||`, `| |||`). */
export const barsOnly = (line: string) => /^[\s|｜]+$/u.test(line) && BAR.test(line);

/**
 * Whether a dump opens its table rows with a bar: most of its lines of two or more cells do
 * (Markdown, `| a | b | `). Otherwise a row printed as `| | 2 |` starts with an empty cell.
 */
export function rowsOpenWithBar(lines: string[]): boolean {
  const { rows, hits: open } = rowLines(lines, /^\s*[|｜]/u);
  return rows === 0 || open * 2 >= rows;
}

/** How many lines print a table row (two bars or more; not bars alone, not a rule line), and how many of those match `test`. */
function rowLines(lines: string[], test: RegExp): { rows: number; hits: number } {
  let rows = 0;
  let hits = 0;
  for (const l of lines) {
    if ((l.match(/[|｜]/gu) ?? []).length < 2 || barsOnly(l) || RULE.test(l)) continue;
    rows++;
    if (test.test(l)) hits++;
  }
  return { rows, hits };
}

/**
 * Whether a dump closes its table rows with a bar (`a | b |`): nearly all of its lines of two or
 * more cells end with one. There a row line without its closing bar was broken by a line break
 * inside a cell (`收费 | 9617` then `1.6 |`), and the next line is the rest of that row.
 */
export function rowsCloseWithBar(lines: string[]): boolean {
  const { rows, hits: closed } = rowLines(lines, /[|｜]\s*$/u);
  return rows >= 5 && closed >= rows * 0.9;
}

/**
 * Whether a one-cell-per-line dump opens each row with a lone `|` line: nearly every row label
 * (a line of words ending with its bar, after the previous row's values) then has one above it. A lone bar can also be an empty
 * cell or one cell's padding, which stands before some labels only.
 */
export function rowsOpenWithLoneBar(lines: string[]): boolean {
  let labels = 0;
  let opened = 0;
  const words = (l: string) => /[\u3400-\u9fff]/u.test(l);
  // a cell of words and its bar, tested without a backtracking regex (crawl lines can be long)
  const wordCell = (l: string) => {
    const t = l.trimEnd();
    if (!t.endsWith('|') && !t.endsWith('｜')) return false;
    const body = t.slice(0, -1);
    return !/[|｜]/u.test(body) && words(body);
  };
  // the line before, over lines of spaces (a dump that puts one between every two cells)
  let prev = '';
  for (const line of lines) {
    // a row's first word cell: after a value or bars, not after another word cell of the row
    if (wordCell(line) && prev !== '' && !words(prev)) {
      labels++;
      if (prev === '|') opened++;
    }
    if (line.trim() !== '') prev = line.trim();
  }
  return labels > 0 && opened >= labels * 0.8;
}

/**
 * Whether a dump prints one cell per line, each closed by its bar (`       0  | `): an empty cell
 * there prints its bar too, so a line of nothing but spaces between two cells is spacing.
 */
export function cellsCloseWithBar(lines: string[]): boolean {
  let cells = 0;
  let closed = 0;
  for (const l of lines) {
    const t = l.trim();
    if (t === '') continue;
    // (string tests, not a regex: crawl lines can be long and there are many)
    const last = t[t.length - 1];
    const body = last === '|' || last === '｜' ? t.slice(0, -1) : t;
    if (body.includes('|') || body.includes('｜')) {
      if (barsOnly(l)) continue;
      cells++;
      continue;
    }
    if (body.trim() === '') continue; // a lone bar
    cells++;
    if (body !== t) closed++;
  }
  return closed >= 10 && closed >= cells * 0.5;
}
