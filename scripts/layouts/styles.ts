// Text dumps of a report page, the way real crawlers and converters write HTML tables out as text.
// Each style is a pure function of the page HTML (parsed with htmlparser2). Where each style was
// seen is in SOURCES (written to test/fixtures/made/layouts/STYLES.md by scripts/make-layouts.ts).
//
// Vocabulary: a row's "padding" is the number of grid columns the row's <td>s do not account
// for: width of the table grid minus the number of <td> elements in the <tr> (cells covered by a
// rowspan from above, and the extra columns of a colspan, both count). Real bar dumps print it as
// a run of bars `|||`; an empty cell prints as one bar with its own separator (`| |`).
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { SectionCode } from '../../pipeline/codes.ts';

export interface PCell {
  text: string;
  rs: number;
  cs: number;
}
export interface PTable {
  kind: 'table';
  cls: string;
  rows: PCell[][];
  width: number;
}
export interface PLine {
  kind: 'line';
  text: string;
  tag: string;
}
export type Block = PTable | PLine;
export interface Page {
  title: string;
  blocks: Block[];
}

// ---- parsing ----

function textOf(n: ChildNode): string {
  if (isText(n)) return n.data.replace(/\s+/gu, (m) => (m.includes('\n') ? '' : m));
  if (!isTag(n)) return '';
  if (n.name === 'br') return '\n';
  const inner = n.children.map(textOf).join('');
  return n.name === 'p' && n.next ? `${inner}\n` : inner;
}

const decode = (s: string) => s.replaceAll('&nbsp;', '\u00a0');

/** Grid width of a table: rowspans and colspans expanded. */
export function gridWidth(rows: PCell[][]): number {
  const taken: number[] = []; // remaining rowspan per column
  let width = 0;
  for (const row of rows) {
    let col = 0;
    const next = taken.map((x) => Math.max(0, x - 1));
    for (const c of row) {
      while ((taken[col] ?? 0) > 0) col++;
      for (let k = 0; k < c.cs; k++) next[col + k] = c.rs - 1;
      col += c.cs;
    }
    while ((taken[col] ?? 0) > 0) col++;
    width = Math.max(width, col);
    for (let i = 0; i < next.length; i++) taken[i] = next[i] ?? 0;
  }
  return width;
}

export function parsePage(html: string): Page {
  const doc = parseDocument(html, { decodeEntities: true });
  const blocks: Block[] = [];
  let title = '';
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (!isTag(n)) continue;
      const el = n as Element;
      if (el.name === 'head') {
        const t = el.children.find((c) => isTag(c) && c.name === 'title');
        if (t) title = textOf(t).trim();
        continue;
      }
      if (el.name === 'table') {
        const rows: PCell[][] = [];
        const trs: Element[] = [];
        const findTr = (xs: ChildNode[]) => xs.forEach((x) => isTag(x) && (x.name === 'tr' ? trs.push(x) : findTr(x.children)));
        findTr(el.children);
        for (const tr of trs) {
          rows.push(
            tr.children
              .filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th'))
              .map((td) => ({ text: decode(textOf(td)).trim(), rs: Number(td.attribs.rowspan ?? 1), cs: Number(td.attribs.colspan ?? 1) })),
          );
        }
        blocks.push({ kind: 'table', cls: el.attribs.class ?? '', rows, width: gridWidth(rows) });
        continue;
      }
      if (['p', 'h1', 'h2', 'h3', 'li'].includes(el.name) || (el.name === 'div' && !el.children.some((c) => isTag(c) && ['p', 'div', 'table'].includes(c.name)))) {
        const t = textOf(el).trim();
        if (t) blocks.push({ kind: 'line', text: t, tag: el.name });
        continue;
      }
      walk(el.children);
    }
  };
  walk(doc.children);
  return { title, blocks };
}

// ---- helpers shared by styles ----

const oneLine = (s: string) => s.replaceAll('\n', '');
const spaced = (s: string) => s.replaceAll('\n', ' ');
const pad = (t: PTable, row: PCell[]) => t.width - row.length;
const bars = (n: number) => '|'.repeat(Math.max(0, n));

/** Lines of the page, with each table rendered by `table`. */
function render(p: Page, table: (t: PTable) => string[], line: (l: PLine) => string[] = (l) => [l.text]): string {
  const out: string[] = [];
  for (const b of p.blocks) out.push(...(b.kind === 'table' ? table(b) : line(b)));
  return `${out.join('\n')}\n`;
}

const isHeading = (s: string) => /^[一二三四五六]、/u.test(s);

// ---- the styles ----

/** (B) a row per line, each cell followed by ` |`, padding as trailing bars: `行政许可 | 0 | ||`. */
function pipeRowPadded(p: Page): string {
  return render(p, (t) => t.rows.map((r) => r.map((c) => (c.text ? `${spaced(c.text)} |` : '|')).join(' ') + (pad(t, r) > 0 ? ` ${bars(pad(t, r))}` : '')));
}

/** A row per line, `label | v | v |`, no padding. */
function pipeRow(p: Page): string {
  return render(p, (t) => t.rows.map((r) => r.map((c) => (c.text ? `${spaced(c.text)} |` : '|')).join(' ')));
}

/** A row per line with a leading bar and a trailing space: `| a | b | `. */
function pipeRowLeading(p: Page): string {
  return render(p, (t) => t.rows.map((r) => `| ${r.map((c) => spaced(c.text)).join(' | ')} | `));
}

/** A row per line, cells separated by tabs (an empty cell leaves two tabs side by side). */
function tabSeparated(p: Page): string {
  return render(p, (t) => t.rows.map((r) => r.map((c) => oneLine(c.text)).join('\t')));
}

/** A row per line, cells separated by one space; empty cells leave no trace. */
function spaceSeparated(p: Page): string {
  return render(p, (t) => t.rows.map((r) => r.map((c) => oneLine(c.text)).filter((x) => x).join(' ')));
}

const cellBar = (c: PCell) => (c.text ? `${c.text} |` : '|');

/** One cell per line, each ending ` |`; an empty cell is a lone `|`; no padding. */
function cellBarStyle(p: Page): string {
  return render(p, (t) => t.rows.flatMap((r) => r.map(cellBar)));
}

/** One cell per line ending ` |`, the row's padding as a bar line of its own (`|||`). */
function cellBarPadline(p: Page): string {
  return render(p, (t) => t.rows.flatMap((r) => [...r.map(cellBar), ...(pad(t, r) > 0 ? [bars(pad(t, r))] : [])]));
}

/** (A) each row opened by a lone `|` line, one cell per line ending ` |`, padding on the last cell's line (`8 | |||`). */
function cellBarRowOpen(p: Page): string {
  return render(p, (t) =>
    t.rows.flatMap((r) => {
      const cells = r.map(cellBar);
      if (pad(t, r) > 0) cells[cells.length - 1] += ` ${bars(pad(t, r))}`;
      return ['|', ...cells];
    }),
  );
}

/** Each row opened by a lone `|` line, cells ending ` |`, padding as a bar line of its own. */
function cellBarRowOpenPadline(p: Page): string {
  return render(p, (t) => t.rows.flatMap((r) => ['|', ...r.map(cellBar), ...(pad(t, r) > 0 ? [bars(pad(t, r))] : [])]));
}

/** The value and its `|` on separate lines (`0` then `|`); an empty cell is just the `|` line. */
function cellThenBar(p: Page): string {
  return render(p, (t) => t.rows.flatMap((r) => r.flatMap((c) => (c.text ? [c.text, '|'] : ['|']))));
}

/** One cell per line, no bars; an empty cell is an empty line. */
function cellLines(p: Page): string {
  return render(p, (t) => t.rows.flatMap((r) => r.map((c) => c.text)));
}

/** One cell per line with a blank line after each; table numbers indented by a space (` 0`); an empty cell is a NBSP. */
function cellLinesSpaced(p: Page): string {
  return render(
    p,
    (t) => t.rows.flatMap((r) => r.flatMap((c) => [c.text === '' ? '\u00a0' : /^[\d.+-]+$/u.test(c.text) && t.cls === 't3' ? ` ${c.text}` : c.text, ''])),
    (l) => [l.text, ''],
  );
}

/** One cell per paragraph (a blank line after each filled cell); an empty cell is an empty paragraph, one line break alone. */
function cellParagraphsCollapsed(p: Page): string {
  return render(
    p,
    (t) => t.rows.flatMap((r) => r.flatMap((c) => (c.text === '' ? [''] : [c.text, '']))),
    (l) => [l.text, ''],
  );
}

/** One cell per line, no bars, empty cells omitted (the blank leaves no trace at all). */
function cellLinesDropBlank(p: Page): string {
  return render(p, (t) => t.rows.flatMap((r) => r.filter((c) => c.text !== '').map((c) => c.text)));
}

/** The table grid with spans expanded: spanned positions are empty strings. */
function expand(t: PTable): string[][] {
  const grid: (string | undefined)[][] = t.rows.map(() => []);
  t.rows.forEach((r, i) => {
    let col = 0;
    for (const c of r) {
      while (grid[i]![col] !== undefined) col++;
      for (let dr = 0; dr < c.rs; dr++) for (let dc = 0; dc < c.cs; dc++) if (grid[i + dr]) grid[i + dr]![col + dc] = dr === 0 && dc === 0 ? spaced(c.text) : '';
      col += c.cs;
    }
  });
  return grid.map((r) => Array.from({ length: t.width }, (_, k) => r[k] ?? ''));
}

const mdRow = (cells: string[]) => `| ${cells.join(' | ')} |`;
const mdTable = (t: PTable) => {
  const g = expand(t);
  return [mdRow(g[0]!), mdRow(g[0]!.map(() => '---')), ...g.slice(1).map(mdRow), ''];
};
const mdLine = (l: PLine) => (isHeading(l.text) ? [`## ${l.text}`, ''] : l.tag === 'h1' ? [`# ${l.text}`, ''] : [l.text, '']);

/** Markdown pipe tables with `---` rules, spans expanded to empty cells. */
function markdownPipe(p: Page): string {
  return render(p, mdTable, mdLine);
}

/** Markdown mini-tables for table 3: a `###` heading per row over a one-row table with placeholder headers. */
function markdownMini(p: Page): string {
  const mini = (t: PTable): string[] => {
    if (t.cls !== 't3') return mdTable(t);
    const out: string[] = [...mdTable({ ...t, rows: t.rows.slice(0, 3) })];
    // group labels, cut into fragments printed on the middle rows of their span
    const frag = new Map<number, string>();
    const groupStart: { start: number; rs: number; text: string }[] = [];
    t.rows.forEach((r, i) => r.forEach((c) => c.rs > 1 && i >= 3 && groupStart.push({ start: i, rs: c.rs, text: oneLine(c.text) })));
    for (const g of groupStart) {
      if (g.text.startsWith('三、')) continue;
      const parts = g.text.match(/.{1,4}/gu) ?? [];
      const first = g.start + Math.floor((g.rs - parts.length) / 2);
      parts.forEach((x, k) => frag.set(first + k, x));
    }
    for (let i = 3; i < t.rows.length; i++) {
      const r = t.rows[i]!.filter((c) => !(c.rs > 1));
      const label = oneLine(r[0]!.text);
      if (t.rows[i]!.some((c) => c.rs > 1 && c.text.startsWith('三、'))) out.push(`## ${oneLine(t.rows[i]!.find((c) => c.rs > 1)!.text)}`, '');
      const values = r.slice(1).map((c) => c.text);
      const cells = [...(frag.has(i) ? [frag.get(i)!] : []), label.length > 12 ? label.slice(0, 12) : label, ...values, ''];
      out.push(`### ${label}`, '', mdRow(['数据1', '数据2', '数据3', '数据4', '数据5', '数据6']), mdRow(Array(6).fill('---') as string[]), mdRow(cells), '');
    }
    return out;
  };
  return render(p, mini, mdLine);
}

/** Markdown as OCR / PDF-to-Markdown converters (MinerU and the like) write it: text as Markdown, each table as one line of bare HTML with its spans. */
function markdownHtmlTables(p: Page): string {
  const esc = (x: string) => x.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
  const cell = (c: PCell) => `<td${c.rs > 1 ? ` rowspan="${c.rs}"` : ''}${c.cs > 1 ? ` colspan="${c.cs}"` : ''}>${esc(oneLine(c.text))}</td>`;
  return render(p, (t) => [`<table><tbody>${t.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table>`, ''], mdLine);
}

/** Markdown as PDF-to-Markdown converters write it: table 2 items as plain lines (`行政许可 97`), tables 3 and 4 as pipe tables. */
function markdownPlainT2(p: Page): string {
  return render(p, (t) => (t.cls === 't2' ? [...t.rows.map((r) => r.map((c) => oneLine(c.text)).filter((x) => x).join(' ')), ''] : mdTable(t)), mdLine);
}

/**
 * A PDF-to-Markdown conversion of a report that nests the statistics in a larger one (as 上海's
 * 政务公开 reports of 2024-25 do): sections 二 to 四 renumbered 一 to 三; table 2's one-row blocks as
 * plain lines (`行政许可 97`) before block （一）, which follows as a pipe table under a `## 表二：…`
 * caption; table 4 as a `###`-headed table per group; section 五's heading lost, so that its first
 * sub-heading (`（一）2024 年工作中存在问题的改进情况`) follows table 4; table 3's long sub-row labels
 * printed as text lines after their rows' numbers.
 */
function markdownConverted(p: Page): string {
  const renumber: Record<string, string> = { 二: '一', 三: '二', 四: '三' };
  const out: string[] = [];
  for (const b of p.blocks) {
    if (b.kind === 'line') {
      const ord = isHeading(b.text) ? b.text[0]! : '';
      if (ord === '五') out.push('（一）2024 年工作中存在问题的改进情况', '');
      else out.push(renumber[ord] ? `${renumber[ord]}${b.text.slice(1)}` : b.text, '');
    } else if (b.cls === 't2') {
      const caption = (r: PCell[]) => r.some((c) => c.text.startsWith('第二十条'));
      const blocks: PCell[][][] = [];
      for (const r of b.rows) {
        if (caption(r) || blocks.length === 0) blocks.push([r]);
        else blocks[blocks.length - 1]!.push(r);
      }
      const [first, ...rest] = blocks;
      // the header line loses its spaces (`信息内容本年处理决定数量`), as the converter prints it
      for (const blk of rest) out.push(...blk.map((r, i) => r.map((c) => oneLine(c.text)).filter((x) => x).join(i === 1 ? '' : ' ')));
      const [head, ...rows] = first!.slice(caption(first![0]!) ? 1 : 0).map((r) => r.map((c) => spaced(c.text)));
      out.push('## 表二：主动公开政府信息情况', mdRow(head!), mdRow(head!.map(() => '---')), ...rows.map(mdRow), '');
    } else if (b.cls === 't4') {
      const head = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
      // the values' row is the fourth (Word adds a hidden row of empty cells at a table's end), its
      // first value under 行政复议 (a table may have an empty column at its left)
      // (a table 4 split at a page break: its header part prints nothing, its numbers part the tables)
      const row = b.rows.length >= 4 ? b.rows[3]! : b.rows.length === 1 ? b.rows[0]! : null;
      if (!row) continue;
      const skip = b.rows.length >= 4 && b.rows[0]![0]!.text === '' ? 1 : 0;
      const values = row.slice(skip, skip + 15).map((c) => c.text);
      ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'].forEach((h, g) => out.push(`### ${h}`, mdRow(head), mdRow(head.map(() => '---')), mdRow(values.slice(g * 5, g * 5 + 5)), ''));
    } else if (b.cls === 't3') {
      // a sub-row label longer than its PDF cell leaves the table as text lines after the row's
      // numbers, and the table goes on as a new piece
      const g = expand(b);
      const at = g[0]!.length - 8; // the label's column, before the seven values
      out.push(mdRow(g[0]!), mdRow(g[0]!.map(() => '---')));
      for (const r of g.slice(1)) {
        const label = r[at]!;
        if (!/^\d\./u.test(label) || label.length <= 12) out.push(mdRow(r));
        else out.push(mdRow(r.map((c, k) => (k === at ? '' : c))), '', ...(label.match(/.{1,10}/gu) ?? []), '');
      }
      out.push('');
    } else out.push(...mdTable(b));
  }
  return `${out.join('\n')}\n`;
}

// ---- paged flipbook text ----

const WRAP = 28;
const PAGE_LINES = 36;
const cjkDigits = (s: string) => s.replace(/(?<=[\u4e00-\u9fff])(?=[\d])/gu, ' ').replace(/(?<=[\d])(?=[\u4e00-\u9fff])/gu, ' ');
const wrap = (s: string, n = WRAP) => (s.length <= n ? [s] : (s.match(new RegExp(`.{1,${n}}`, 'gu')) ?? [s]));

/**
 * Paged flipbook text (PDF pages turned into HTML pages): `Page N - title` and `P. N` at the top
 * of each page, text wrapped at 28 characters, spaces between Chinese and digits, labels longer
 * than a cell wrapped with the row's numbers between the fragments, group cells on their own line,
 * the table 4 header one or two characters per line.
 */
function flipbook(p: Page): string {
  const lines: string[] = [];
  for (const b of p.blocks) {
    if (b.kind === 'line') {
      lines.push(...wrap(cjkDigits(oneLine(b.text))));
      continue;
    }
    b.rows.forEach((r, i) => {
      if (b.cls === 't4' && (i === 1 || i === 2)) {
        const words = r.filter((c) => c.text.length <= 4).map((c) => c.text);
        const step = i === 1 ? 1 : 2;
        for (let k = 0; k < 4; k += step) lines.push(words.map((w) => w.slice(k, k + step)).join(' '));
        const long = r.filter((c) => c.text.length > 4).map((c) => c.text);
        if (long.length) lines.push(long.join(' '));
        return;
      }
      const groups = r.filter((c) => c.rs > 1 && i >= 3 && b.cls === 't3');
      for (const g of groups) lines.push(oneLine(g.text));
      const rest = r.filter((c) => !groups.includes(c));
      const label = rest.length && !/^[\d.+-]*$/u.test(rest[0]!.text) ? oneLine(rest[0]!.text) : null;
      const values = (label === null ? rest : rest.slice(1)).map((c) => oneLine(c.text)).filter((v) => v !== '');
      if (label !== null && label.length > 14 && values.some((v) => /^[\d.+-]+$/u.test(v))) {
        const parts = wrap(label, 14);
        const at = Math.floor((parts.length - 1) / 2);
        parts.forEach((x, k) => {
          lines.push(cjkDigits(x));
          if (k === at) lines.push(values.join(' '));
        });
      } else {
        for (const x of wrap(cjkDigits([label, ...values].filter((v) => v !== null && v !== '').join(' ')))) lines.push(x);
      }
    });
  }
  const out: string[] = [];
  lines.forEach((l, k) => {
    if (k % PAGE_LINES === 0) {
      const n = k / PAGE_LINES + 1;
      out.push(`Page ${n} - ${p.title}`, `P. ${n}`);
    }
    out.push(l);
  });
  return `${out.join('\n')}\n`;
}

export interface Style {
  ext: 'txt' | 'md';
  describe: string;
  render: (p: Page) => string;
  /** false: a blank cell leaves no trace, so a report with blanks can only be read with flags */
  keepsBlanks: boolean;
  /** section headings the style does not print (a converter lost them) */
  lostHeadings?: SectionCode[];
}

export const STYLES: Record<string, Style> = {
  'pipe-row-padded': { ext: 'txt', keepsBlanks: true, render: pipeRowPadded, describe: 'a row per line, `label | v | v |`, padding of spanned cells as trailing bars (`行政许可 | 0 | ||`); an empty cell is a bar with its own space (`| |`)' },
  'pipe-row': { ext: 'txt', keepsBlanks: true, render: pipeRow, describe: 'a row per line, `label | v | v |`, no padding' },
  'pipe-row-leading': { ext: 'txt', keepsBlanks: true, render: pipeRowLeading, describe: 'a row per line with a leading bar and a trailing space: `| a | b | `' },
  'tab-separated': { ext: 'txt', keepsBlanks: true, render: tabSeparated, describe: 'a row per line, cells separated by tabs' },
  'space-separated': { ext: 'txt', keepsBlanks: false, render: spaceSeparated, describe: 'a row per line, cells separated by one space; empty cells vanish' },
  'cell-bar': { ext: 'txt', keepsBlanks: true, render: cellBarStyle, describe: 'one cell per line ending ` |`; an empty cell is a lone `|`; no padding' },
  'cell-bar-padline': { ext: 'txt', keepsBlanks: true, render: cellBarPadline, describe: 'one cell per line ending ` |`, the padding as a bar line of its own (`|||`)' },
  'cell-bar-rowopen': { ext: 'txt', keepsBlanks: true, render: cellBarRowOpen, describe: 'each row opened by a lone `|` line, one cell per line ending ` |`, padding on the last cell\'s line (`8 | |||||||||`); an empty cell is also a lone `|`' },
  'cell-bar-rowopen-padline': { ext: 'txt', keepsBlanks: true, render: cellBarRowOpenPadline, describe: 'each row opened by a lone `|` line, cells ending ` |`, padding as a bar line of its own' },
  'cell-then-bar': { ext: 'txt', keepsBlanks: true, render: cellThenBar, describe: 'the value and its `|` on separate lines; an empty cell is the `|` line alone' },
  'cell-lines': { ext: 'txt', keepsBlanks: true, render: cellLines, describe: 'one cell per line, no bars; an empty cell is an empty line' },
  'cell-lines-spaced': { ext: 'txt', keepsBlanks: true, render: cellLinesSpaced, describe: 'one cell per line with a blank line after each, table 3 numbers indented (` 0`), an empty cell a NBSP line' },
  'cell-paragraphs-collapsed': { ext: 'txt', keepsBlanks: true, render: cellParagraphsCollapsed, describe: 'one cell per paragraph, a blank line after each filled cell; an empty cell is one more empty line (`12` then six empty lines then `12`: five empty cells between)' },
  'cell-lines-dropblank': { ext: 'txt', keepsBlanks: false, render: cellLinesDropBlank, describe: 'one cell per line, no bars, empty cells omitted' },
  'markdown-pipe': { ext: 'md', keepsBlanks: true, render: markdownPipe, describe: 'Markdown pipe tables with `---` rules, spans expanded to empty cells' },
  'markdown-mini': { ext: 'md', keepsBlanks: true, render: markdownMini, describe: 'table 3 as Markdown mini-tables: a `###` heading per row over a one-row table with headers `数据1 … 数据6`, an extra empty cell at the end, group-label fragments at the start (`| （三）不 | 4.保护第三方… |`), row labels cut at 12 characters' },
  'markdown-html-tables': { ext: 'md', keepsBlanks: true, render: markdownHtmlTables, describe: 'Markdown text with each table as one line of bare HTML (`<table><tr><td colspan="4">…`), as OCR and PDF-to-Markdown converters write it' },
  'markdown-plain-t2': { ext: 'md', keepsBlanks: true, render: markdownPlainT2, describe: 'table 2 items as plain lines (`行政许可 97`), tables 3 and 4 as Markdown pipe tables' },
  'markdown-converted': { ext: 'md', keepsBlanks: true, lostHeadings: ['s5.problems'], render: markdownConverted, describe: 'a PDF-to-Markdown conversion of a report that nests the statistics in a larger one: sections 二 to 四 renumbered 一 to 三, table 2\'s one-row blocks as plain lines before block （一）\'s table, table 4 as a `###`-headed table per group, section 五\'s heading lost (`（一）2024 年工作中存在问题的改进情况` follows table 4), table 3\'s long sub-row labels as text lines after their numbers' },
  flipbook: { ext: 'txt', keepsBlanks: false, render: flipbook, describe: 'paged flipbook text: `Page N - title` / `P. N` at the top of each page, wrapped at 28 characters, spaces between Chinese and digits, long labels wrapped around their numbers, table 4 header one or two characters per line' },
};

export function renderStyle(name: string, html: string): string {
  return STYLES[name]!.render(parsePage(html));
}

/** Where each style was seen: real pages (URL and a three-line excerpt of its dump), or the issue that names it. */
export const SOURCES: Record<string, { url: string; excerpt: string }[]> = {
  'pipe-row-padded': [
    { url: 'http://www.weishan.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=113708260043292687&fbtime=2020', excerpt: '第二十条第(一)项 | ||||\n信息内容 | 本年新 | 本年新 | 对外公开总数量 | |\n一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||' },
    { url: 'http://whentby.com/html/HCS/202401/0170495898062751.html', excerpt: '第二十条第(五)项 | |||\n信息内容 | 本年处理决定数量 | ||\n行政许可 | 0 | ||' },
    { url: 'http://cqjlp.gov.cn/bmjz/qzfjz_97456/eljd_97738/zwgk_97461/zfxxgknb_97478/202301/t20230130_11545442.html', excerpt: '第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n行政规范性文件 | 4 | 0 | 4 |' },
    { url: 'http://www.xixianxinqu.gov.cn/xwzx/ztzl/zfxxgknb/2023/gzj/dzjd/1.html', excerpt: '第二十条第(一)项 | |||\n信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 |\n规章 | 0 | 0 | 0 |' },
    { url: 'https://newton.com.tw/wiki/%E6%AD%A6%E6%BC%A2%E5%B8%82%E7%94%9F%E6%85%8B%E7%92%B0%E5%A2%83%E5%B1%802020%E5%B9%B4%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E9%96%8B%E5%B7%A5%E4%BD%9C%E5%B9%B4%E5%BA%A6%E5%A0%B1%E5%91%8A/63726324', excerpt: '行政強製 | 4 | 4 | - | ||\n第二十條第(八)項 | |||||\n行政事業性收費 | |||||' },
  ],
  'pipe-row': [
    { url: 'https://www.zhanjiang.gov.cn/zjsfw/bmdh/dfz/zwgk/xxgkndbg/content/post_1871569.html', excerpt: '第二十条第(一)项 |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n三、本年度办理结果 | (一)予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |' },
    { url: 'https://www.haizhu.gov.cn/zwgk/zfxxgknb/jd/content/post_9472698.html', excerpt: '行政处罚 | 1472 |\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |\n(三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |' },
    { url: 'http://www.15808a.com/gzzwz/gmzrmzf/zwgk/xxgknb/content/post_1378713.html', excerpt: '  二、主動(dòng)公開(kāi)政府信息情況\n  第二十條第(一)項(xiàng)  | \n  信息內(nèi)容  |   本年新 制作數(shù)量  |   本年新 公開(kāi)數(shù)量  |' },
  ],
  'pipe-row-leading': [
    { url: 'issue 7 ("`| a | b | ` with a leading bar")', excerpt: '(named by the issue; no page of the search corpus showed a whole row this way)' },
    { url: 'http://www.fsou.net/html/text/lar/170106/17010601_2.html', excerpt: '指 标 名 称\n| 计量\n单位' },
  ],
  'tab-separated': [{ url: 'issue 7 ("tab-separated")', excerpt: '(named by the issue; test/layouts.test.ts already prints this layout; not seen in the search corpus, whose dumps replace tabs)' }],
  'space-separated': [
    { url: 'test/fixtures/corpus/unknown-szfgs_2024_fragment.txt (PROVENANCE.md: text extracted from a PDF)', excerpt: '(space-separated cells, page footer `- 4 -`)' },
    { url: 'issue 7 ("space-separated")', excerpt: '' },
  ],
  'cell-bar': [
    { url: 'https://www.hanspub.org/journal/paperinformation?paperid=114819', excerpt: '事项 |\n行政 处罚 |\n举报投诉处理 |' },
    { url: 'issue 7 ("one cell per line with ` |` at its end … already work")', excerpt: '' },
  ],
  'cell-bar-padline': [
    { url: 'https://zazf.gov.cn/gk/gk05/tbnb/96193.htm', excerpt: '第二十条第(一)项 |\n|||\n信息内容 |' },
    { url: 'http://61.150.65.235/zfxxgk/zfxxgknb/bmxxgknb/1906985028293292033.html', excerpt: '申请人情况 |\n||||||||\n自然人 |' },
  ],
  'cell-bar-rowopen': [{ url: 'lead\'s observation in the brief (style A)', excerpt: '|\n（七）总计 |\n8 | |||||||||' }],
  'cell-bar-rowopen-padline': [{ url: 'https://www.bjtzh.gov.cn/tzzfxxgk/c109617fbdgnp/202601/1778607.shtml', excerpt: '|\n第二十条第(一)项 |\n|||' }],
  'cell-then-bar': [{ url: 'http://www.xjnlk.gov.cn/xjnlk/c112945/202401/46aba5e181454bc798b5443c493da056.shtml', excerpt: '第二十条第(一)项\n|\n信息内容' }],
  'cell-lines': [
    { url: 'https://www.zhonglou.gov.cn/html/czzl/2025/EMAKPOKE_0117/22800.html', excerpt: '二、主动公开政府信息情况\n第二十条第(一)项\n信息内容' },
    { url: 'test/layouts.test.ts ("one cell per line") and the corpus longgang-2022.txt', excerpt: '' },
  ],
  'cell-lines-spaced': [
    { url: 'http://changtu.gov.cn/changtu/zwgk/zfxxgk/zfxxgknb99/2022n52/xzzfxxgkgzndbg/2024013110470592735/index.html', excerpt: '一、本年新收政府信息公开申请数量\n\n 0' },
    { url: 'http://shengbaoju.com/govinfo/contents/1287/13695.html', excerpt: '规章\n\n0' },
    { url: 'http://www.china-zibo.gov.cn/gongkai/site_gxqzbz/channel_6076a26b1887a377796bb38b/doc_60960f3fc91eeb7249ff41c5.html', excerpt: '信息内容\n\n本年新制作数量' },
    { url: 'http://rongchang.gov.cn/jz/hbz/zwgk_70755/zfxxgknb_70772/202101/t20210129_8843764.html', excerpt: '行政事业性收费\n\n0' },
  ],
  'cell-paragraphs-collapsed': [
    { url: 'http://www.xinghua.gov.cn/zwgk/zfxxgk/zfxxgknb/2023/xzjdb/art/2024/art_22c00a3d582647c1abfe598741370116.html', excerpt: '一、本年新收政府信息公开申请数量\n\n12\n\n\n\n\n\n\n12' },
    { url: 'http://www.yuyang.gov.cn/zwgk/zfxxgknb/jdbsc/elnnb/1355046492463177730.html', excerpt: '' },
  ],
  'cell-lines-dropblank': [{ url: 'http://www.dingxing.gov.cn/xxgk/xxgkcontent-888888651-65501.html', excerpt: '规章\n0\n规范性文件' }],
  'markdown-pipe': [{ url: 'issue 7 ("Markdown pipe tables with `---` rules"; set 3: PDF-to-Markdown, OCR Markdown)', excerpt: '(not in the search corpus, whose page dumps are plain text)' }],
  'markdown-mini': [{ url: 'issue 7 ("Markdown mini-tables")', excerpt: '### 4.保护第三方合法权益\n| 数据1 | … | 数据6 |\n| （三）不 | 4.保护第三方… |' }],
  'markdown-html-tables': [{ url: 'issue 7 ("OCR Markdown", "PDF-to-Markdown" sets); the HTML-table form is how MinerU-style converters write tables', excerpt: '# 某某局2023年政府信息公开工作年度报告\n<table><tbody><tr><td colspan="4">第二十条第（一）项</td></tr>…' }],
  'markdown-plain-t2': [{ url: 'issue 7 ("Table 2 items as plain lines … as PDF-to-Markdown converters write them")', excerpt: '行政许可 97\n行政事业性收费 12.5' }],
  'markdown-converted': [{ url: 'a PDF-to-Markdown conversion of 上海市人民政府办公厅 2025 and of 上海市科学技术委员会 2024 (public repository zxj6827111-blip/KIROGOVCOMPARE, tests/fixtures/annual-report/; held out, read by hand)', excerpt: '行政许可 97\n第二十条第（六）项\n信息内容本年处理决定数量' }],
  flipbook: [
    { url: 'http://180.76.149.248:88/book/dzs/shenji/files/basic-html/page9.html (format-spec §1.4, §8.3)', excerpt: '结 结 其 尚\n果 果 他 未\n维 纠 结 审' },
    { url: 'http://180.76.149.248:88/book/2022dzs/xinfang/files/basic-html/page8.html (format-spec §8.1)', excerpt: '四、因政府信息公开工作被申请行政复议提起行政诉讼情况' },
    { url: 'issue 7 ("Page N - title then P. N at the top of each page")', excerpt: '' },
  ],
};
