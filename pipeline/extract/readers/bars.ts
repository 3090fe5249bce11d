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
}

const BAR = /[|｜]/u;
const RULE = /^\s*[|｜]?\s*:?-{2,}:?\s*(?:[|｜]\s*:?-{2,}:?\s*)*[|｜]?\s*$/u;

/** The cells of one line, or null when the line has no bar. A Markdown rule line has none. */
export function barCells(line: string): BarCell[] | null {
  if (!BAR.test(line)) return null;
  if (RULE.test(line)) return [];
  const parts = line.split(/[|｜]/u);
  // text before the first bar is a cell only when there is some (`| a |` opens with a delimiter)
  if (parts[0]!.trim() === '') parts.shift();
  // text after the last bar likewise (`a | b |` closes with a terminator, `a | b` does not)
  if (parts.length > 0 && parts[parts.length - 1]!.trim() === '') parts.pop();
  let lastContent = -1;
  parts.forEach((p, i) => {
    if (p.trim() !== '') lastContent = i;
  });
  return parts.map((p, i) => {
    const text = p.trim();
    // `||` (bars with nothing, not even a space, between them) is how dumps print a spanned cell
    return { text, weak: text === '' && (i > lastContent || p === '') };
  });
}

/** Number of cells with text. */
export const contentCount = (cells: BarCell[]) => cells.reduce((n, c) => n + (c.text === '' ? 0 : 1), 0);

/** True when a line is nothing but bars and spaces (`|`, `|||`, `| |||`). */
export const barsOnly = (line: string) => /^[\s|｜]+$/u.test(line) && BAR.test(line);
