// HTML to blocks: real <table> grids with rowspan/colspan expanded.
// htmlparser2 builds the DOM: it is forgiving with the broken markup of CMS pages and several
// times faster than a full HTML5 parser, which matters at thousands of reports a run.
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { Block, GridCell, ReadDocument } from '../blocks.ts';
import { repairText } from '../repair.ts';
import { RejectError } from './decode.ts';

const BLOCK_TAGS = new Set(['p', 'div', 'br', 'tr', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'table', 'ul', 'ol', 'title', 'header', 'footer', 'center']);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'head', 'template']);

const isTag = (n: ChildNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

// Hidden from the reader of the page (and so not read): spam a mirror hides with display:none, Word's `<tr height=0>` row of empty cells that ends a pasted
// table (`<![if !supportMisalignedColumns]>`), cells and rows styled display:none.
const hidden = (el: Element) => /display\s*:\s*none/iu.test(el.attribs.style ?? '') || (el.name === 'tr' && /^0(?:px)?$/u.test((el.attribs.height ?? '').trim()));

function cellText(el: Element): string {
  let out = '';
  const walk = (n: ChildNode) => {
    if (n.type === 'text') out += n.data;
    else if (isTag(n)) {
      if (SKIP_TAGS.has(n.name) || hidden(n)) return;
      if (n.name === 'br' || n.name === 'p' || n.name === 'div') out += '\n';
      for (const c of n.children) walk(c);
    }
  };
  walk(el);
  return cleanCell(out);
}

/** A grid cell's text as every reader with real tables (HTML, Word) gives it. */
export function cleanCell(text: string): string {
  return repairText(text).replace(/[ \t]+/gu, ' ').replace(/\s*\n\s*/gu, '\n').trim();
}

/** Running text between tables: one text block per non-empty line. */
export function pushTextLines(blocks: Block[], text: string): void {
  for (const line of repairText(text).replace(/[ \t]+/gu, ' ').split('\n')) {
    const l = line.trim();
    if (l) blocks.push({ kind: 'text', text: l, loc: `text ${blocks.length + 1}` });
  }
}

/** The <tr> rows of a table, not those of tables nested inside it, nor hidden ones. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (n: Element) => {
    for (const c of n.children) {
      if (!isTag(c) || c.name === 'table' || hidden(c)) continue;
      if (c.name === 'tr') rows.push(c);
      else walk(c);
    }
  };
  walk(table);
  return rows;
}

function containsTable(el: Element): boolean {
  return el.children.some((c) => isTag(c) && (c.name === 'table' || containsTable(c)));
}

/** A rowspan/colspan (or Word gridSpan) as printed, bounded: a damaged page cannot make a huge grid. */
export const spanCount = (v: string | undefined) => Math.max(1, Math.min(100, Number(v) || 1));
const span = (el: Element, attr: string) => spanCount(el.attribs[attr]);

/** Expand a <table> into a rectangular grid; spanned positions hold copies with origin=false. */
export function tableGrid(table: Element): GridCell[][] {
  const grid: GridCell[][] = [];
  ownRows(table).forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const td of tr.children) {
      if (!isTag(td) || (td.name !== 'td' && td.name !== 'th') || hidden(td)) continue;
      while (grid[r]![c]) c++;
      const rs = span(td, 'rowspan');
      const cs = span(td, 'colspan');
      const text = cellText(td);
      for (let i = 0; i < rs; i++) {
        grid[r + i] ??= [];
        for (let j = 0; j < cs; j++) grid[r + i]![c + j] = { text, origin: i === 0 && j === 0 };
      }
      c += cs;
    }
  });
  return rectangular(grid);
}

/**
 * Rows padded to the widest with empty non-origin cells (the positions no cell of the row covers);
 * rows at the end with nothing in them (an editor's spare row) are dropped, as they would read as
 * a row of blank cells after the last values.
 */
export function rectangular(grid: GridCell[][]): GridCell[][] {
  while (grid.length > 0 && (grid[grid.length - 1] ?? []).every((c) => !c || c.text === '')) grid = grid.slice(0, -1);
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? { text: '', origin: false }));
}

function findTitle(nodes: ChildNode[]): string {
  for (const n of nodes) {
    if (!isTag(n)) continue;
    if (n.name === 'title') return n.children.map((c) => (c.type === 'text' ? c.data : '')).join('').trim();
    if (n.name === 'body') return '';
    const t = findTitle(n.children);
    if (t) return t;
  }
  return '';
}

export function readHtml(html: string, label = 'HTML page'): ReadDocument {
  if (/<html[\s>]/iu.test(html) && !/<\/html\s*>/iu.test(html) && !/<\/body\s*>/iu.test(html)) {
    throw new RejectError(`truncated download: the ${label} ends without </body> or </html>`);
  }
  const dom = parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true });
  const blocks: Block[] = [];
  const title = findTitle(dom.children);
  const titles = title ? [repairText(title)] : [];
  let buf = '';
  let tableNo = 0;
  const flush = () => {
    pushTextLines(blocks, buf);
    buf = '';
  };
  const walk = (n: ChildNode) => {
    if (n.type === 'text') buf += n.data;
    else if (isTag(n)) {
      if (SKIP_TAGS.has(n.name) || hidden(n)) return;
      // CMS pages often wrap the whole article in a layout table: a table holding tables is a
      // container, only tables without tables inside are data grids
      if (n.name === 'table' && !containsTable(n)) {
        flush();
        tableNo++;
        blocks.push({ kind: 'table', rows: tableGrid(n), loc: `table ${tableNo}` });
        return;
      }
      const block = BLOCK_TAGS.has(n.name);
      if (block) buf += '\n';
      for (const c of n.children) walk(c);
      if (block) buf += '\n';
    }
  };
  for (const c of dom.children) walk(c);
  flush();
  return { kind: 'html', blocks, titles };
}
