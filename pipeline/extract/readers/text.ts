// Plain text and Markdown: one cell per line, pipe tables, tab/space separated cells, glued runs.
import type { Block, GridCell, ReadDocument } from '../blocks.ts';
import { repairText } from '../repair.ts';
import { type BarCell, barCells, barsOnly, cellsCloseWithBar, contentCount, rowsCloseWithBar, rowsOpenWithBar, rowsOpenWithLoneBar } from './bars.ts';

// Page furniture left by PDF-to-text tools and flipbook pages: "- 4 -", "第 4 页", "4 / 6",
// "共6页", "P. 4", "Page 4 - <title>" (a page number inside a table must not become a cell).
export const PAGE_FOOTER =
  /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|共\s*\d{1,3}\s*页|P\.\s*\d{1,4}|Page\s*\d{1,4}(?:\s*[-–—:|]\s*.*)?)\s*$/u;

/** `locs` names where each line came from (PDF page and position); by default the line number. */
// A line of nothing but non-breaking spaces is a printed empty cell (`<td>&nbsp;</td>`); it is
// marked before repair turns NBSP into a plain space.
const NBSP_LINE = /^[ \t\u3000]*\u00a0[\u00a0\u3000 \t]*$/gmu;
const EMPTY_CELL = '\ue000';
// Markdown bold/strong around a cell or heading (`| **12** |`, `**一、总体情况**`): only the text counts
const MD_EMPHASIS = /(\*\*|__)(?=\S)([^*_\n]*?\S)\1/gu;

/**
 * Whether the empty lines of a dump are its empty cells: true when its lines mostly follow each
 * other directly (one cell per line), false when an empty line separates every line.
 */
function emptyLinesAreCells(lines: string[]): boolean {
  let content = 0;
  let adjacent = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    content++;
    if (i + 1 < lines.length && lines[i + 1]!.trim()) adjacent++;
  }
  return content > 0 && adjacent / content >= 0.5;
}

const NUMBER_LINE = /^\s*[+-]?\d[\d,.]*\s*$/u;

/**
 * Paragraphs are set apart by exactly one empty line (most runs of empty lines between two lines
 * are one line long): only then is each further empty line an empty cell. A page that leaves two
 * lines between paragraphs says nothing of its empty cells that way.
 */
function oneLineBetweenParagraphs(lines: string[], emptyLine: (l: string) => boolean): boolean {
  let one = 0;
  let runs = 0;
  let run = 0;
  let seen = false;
  for (const l of lines) {
    if (emptyLine(l)) {
      run++;
      continue;
    }
    if (seen && run > 0) {
      runs++;
      if (run === 1) one++;
    }
    seen = true;
    run = 0;
  }
  return runs > 0 && one >= 0.6 * runs;
}

/**
 * The next non-empty line is a label cell (`行政强制 |`, or a block caption with its span's padding,
 * `第二十条第(五)项 | |||`): words ending with their bar, not a value, an empty cell or a heading.
 */
function labelNext(lines: string[], i: number): boolean {
  for (let k = i + 1; k < lines.length; k++) {
    const t = lines[k]!.trim();
    if (t !== '') return /^[\u3400-\u9fff（(][^|｜]*[|｜][\s|｜]*$/u.test(t);
  }
  return false;
}

export function readText(raw: string, locs?: string[]): ReadDocument {
  const text = repairText(raw.replace(NBSP_LINE, EMPTY_CELL).replace(MD_EMPHASIS, '$2'));
  const titles: string[] = [];
  let publisher: string | undefined;
  const blocks: Block[] = [];
  let table: GridCell[][] | null = null;
  let tableLine = 0;
  const lines = text.split('\n');
  // what follows the last line break is no line: not an empty cell at the end of a cut page
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const emptyCells = emptyLinesAreCells(lines);
  // a dump that leaves spaces on every empty line (trailing whitespace, indented lines) has no
  // truly empty line: there a line of spaces is spacing, not a crawled `&nbsp;` cell
  const spacesAreCells = lines.some((l, i) => l.length === 0 && i < lines.length - 1);
  // (lines of spaces are empty too where no line is truly empty: a dump may leave spaces on every line)
  const emptyLine = (l: string) => l === '' || (!spacesAreCells && l.trim() === '');
  // (a page that prints its empty cells, `&nbsp;` lines, does not print them as empty paragraphs too)
  const collapsedCells = !emptyCells && !lines.some((l) => l.trim() === EMPTY_CELL) && oneLineBetweenParagraphs(lines, emptyLine);
  // where every cell closes with its bar, an empty one prints its bar too: lines of spaces are spacing
  const barredCells = cellsCloseWithBar(lines);
  const opening = rowsOpenWithBar(lines);
  const openers = rowsOpenWithLoneBar(lines);
  const closing = rowsCloseWithBar(lines);
  // the last grid row's line lacked the closing bar that every other row has: it may go on below
  let rowGoesOn = false;
  const where = (i: number) => locs?.[i] ?? `line ${i + 1}`;
  // the previous non-empty line was text without a closing bar
  let prevEndsOpen = false;
  // the previous line ended with the padding of spanned cells (the end of a printed row)
  let prevPadded = false;
  // a line with text came before (empty lines at the top are no cells)
  let seenContent = false;
  // two numbers on adjacent lines since the last label (collapsedCell below)
  let noCollapse = false;
  // the table's rows run bars together (`| ||`): a dump that prints spanned cells as padding at
  // the end of the row, so its other empty cells are all real cells
  let padded = false;
  const endTable = () => {
    if (table && padded) for (const row of table) for (const c of row) if (c.text === '' && !c.weak) c.sure = true;
    // a Markdown table: every row as wide as the others, cells printed with their spaces
    if (table && !padded && table.length >= 3 && new Set(table.map((r) => r.length)).size === 1) for (const row of table) for (const c of row) c.aligned = true;
    if (table) blocks.push({ kind: 'table', rows: table, loc: where(tableLine - 1) });
    table = null;
    padded = false;
  };
  lines.forEach((line, i) => {
    const header = /^\s*(标题|发布机构|发文机关|文章标题|信息来源|来源)\s*[:：]\s*(.*)$/u.exec(line);
    if (header && i < 40) {
      if (header[1] === '标题' || header[1] === '文章标题') titles.push(header[2]!.trim());
      // (a value in bars is a pipe row's cell: read below)
      else if (header[2]!.trim() && !/^[|｜]/u.test(header[2]!.trim())) publisher = header[2]!.trim();
    }
    // a page's metadata as a pipe row (`来 源: | 某局 | 发布机构: | 某局 |`, `发文机关: | 某局 | 发文日期: |`)
    const barredPublisher = i < 40 && publisher === undefined ? /(?:^|[|｜])\s*发\s*(?:布\s*机\s*构|文\s*机\s*关)\s*[:：]\s*[|｜]?\s*([^|｜\s][^|｜\n]*?)\s*(?:[|｜]|$)/u.exec(line) : null;
    if (barredPublisher) publisher = barredPublisher[1]!;
    if (PAGE_FOOTER.test(line)) return;
    // a line of spaces between cells that close with their bars: spacing
    if (barredCells && line.length > 0 && line.trim() === '') return;
    // where empty lines are spacing, a line of spaces is a printed empty cell (a crawled `&nbsp;`)
    const spaceCell = !emptyCells && spacesAreCells && line.length > 0 && line.trim() === '';
    // One cell per paragraph, an empty cell printed as an empty paragraph of one line break
    // (`12` / `` / `` …): the first empty line after a line is the break between paragraphs, each
    // further one an empty cell; weak spacing like the empty lines above, as a page may also just
    // leave two empty lines.
    // (not after two numbers on adjacent lines, up to the next label: there a number was broken
    // over two lines, `25` / `8`, or the page does not print one cell per paragraph, and empty cells
    // after it would make the row's count come out right with a wrong reading)
    if (!emptyCells && NUMBER_LINE.test(line) && i > 0 && NUMBER_LINE.test(lines[i - 1]!)) noCollapse = true;
    else if (!emptyCells && line.trim() !== '' && !NUMBER_LINE.test(line)) noCollapse = false;
    const collapsedCell = collapsedCells && !noCollapse && emptyLine(line) && i > 0 && emptyLine(lines[i - 1]!) && seenContent;
    if (line.trim() !== '') seenContent = true;
    if (line.trim() === EMPTY_CELL || spaceCell || (!line.trim() && emptyCells) || collapsedCell) {
      // an empty cell of a one-cell-per-line dump; weak, as it may also be a spacing line
      endTable();
      blocks.push({ kind: 'cells', cells: [{ text: '', weak: true, spacing: line.trim() !== EMPTY_CELL && !spaceCell }], loc: where(i) });
      return;
    }
    if (!line.trim()) return;
    const bars = barCells(line, opening);
    if (bars && bars.length === 0 && !barsOnly(line)) return; // a Markdown rule line
    const goesOn = rowGoesOn;
    rowGoesOn = false;
    if (goesOn && table && bars && bars.length > 0 && !barsOnly(line) && /^\s*[\d.|｜]/u.test(line)) {
      // the rest of a row a line break cut inside a cell (`收费 | 9617` / `1.6 |`): the cell's two
      // pieces are kept apart by a space, so that it reads as unsure rather than as 9617 or 96171.6
      const row = table[table.length - 1]!;
      const last = row[row.length - 1]!;
      last.text = `${last.text} ${bars[0]!.text}`.trim();
      for (const c of bars.slice(1)) row.push({ text: c.text, origin: true, weak: c.weak, ...(c.bare ? { bare: true } : {}) });
      rowGoesOn = !/[|｜]\s*$/u.test(line);
      return;
    }
    // (tabs before the first cell are indentation: `\t\t\t0` is one value, not a row of three blanks)
    const tabs = bars ? null : line.trimStart().split('\t');
    if (bars && barsOnly(line) && table && opening && bars.length >= 2 && bars.length === table[table.length - 1]!.length && !/[|｜]{2}/u.test(line)) {
      // a Markdown table's row of empty cells (`|  |  |  |`): as wide as the row above, its bars apart
      table.push(bars.map(() => ({ text: '', origin: true, weak: false })));
      return;
    }
    if (bars && barsOnly(line)) {
      // a lone `|` after a value printed without its bar is that value's terminator, and after a
      // row's closing padding (`8 | ||||`) it opens the next row where the dump opens rows with
      // lone bars; otherwise bars alone are an
      // empty cell, a row opener or padding (weak cells, see bars.ts)
      // A run of bars with nothing between them (`|||`) is padding only, also on a line of its own.
      const groups = line.trim().split(/\s+/u);
      const lone = groups.filter((g) => g.length === 1).length;
      // (where rows open with lone bars, one right before a row's label opens that row too)
      const n = groups.length === 1 && lone === 1 && (prevEndsOpen || (openers && (prevPadded || labelNext(lines, i)))) ? 0 : lone;
      prevEndsOpen = false;
      prevPadded = lone < groups.length;
      endTable();
      if (n > 0) blocks.push({ kind: 'cells', cells: Array.from({ length: n }, () => ({ text: '', weak: true })), loc: where(i) });
      return;
    }
    // a tab row's empty last cell may be a remarks column's or padding: weak, dropped if the row has too many
    const row: BarCell[] | null = bars ?? (tabs!.length >= 3 ? tabs!.map((c, i) => ({ text: c.trim(), weak: i === tabs!.length - 1 && c.trim() === '' })) : null);
    prevEndsOpen = !bars && !row;
    prevPadded = bars !== null && /[|｜]{2,}\s*$/u.test(line);
    if (row && (contentCount(row) >= 2 || (/^\s*[|｜]/u.test(line) && row.length >= 2))) {
      // a row of a table printed on one line (`a | b |`, `| a |  |  |`): a grid row
      if (!table) {
        table = [];
        tableLine = i + 1;
      }
      table.push(row.map((c) => ({ text: c.text, origin: true, weak: c.weak, ...(c.bare ? { bare: true } : {}) })));
      if (/[|｜]{2}/u.test(line)) padded = true;
      rowGoesOn = closing && !/[|｜]\s*$/u.test(line);
      return;
    }
    endTable();
    if (row) {
      // one cell per line (` |` at its end), a caption with its padding: cells, not a grid row
      if (row.length > 0) blocks.push({ kind: 'cells', cells: row, loc: where(i) });
      return;
    }
    blocks.push({ kind: 'text', text: line.trim(), loc: where(i) });
  });
  endTable();
  return { kind: 'text', blocks, titles, publisher };
}
