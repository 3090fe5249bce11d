// HTML (and Word via mammoth) to blocks: real <table> grids with rowspan/colspan expanded.
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { Block, GridCell, ReadDocument } from '../blocks.ts';
import { repairText } from '../repair.ts';
import { RejectError } from './decode.ts';

const BLOCK_TAGS = new Set(['p', 'div', 'br', 'tr', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'table', 'ul', 'ol', 'title', 'header', 'footer', 'center']);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'head', 'template']);

function cellText(el: AnyNode): string {
  let out = '';
  const walk = (n: AnyNode) => {
    if (n.type === 'text') out += (n as unknown as { data: string }).data;
    else if (n.type === 'tag') {
      const tag = (n as Element).name.toLowerCase();
      if (SKIP_TAGS.has(tag)) return;
      if (tag === 'br' || tag === 'p' || tag === 'div') out += '\n';
      for (const c of (n as Element).children) walk(c);
    }
  };
  walk(el);
  return repairText(out).replace(/[ \t]+/gu, ' ').replace(/\s*\n\s*/gu, '\n').trim();
}

/** Expand a <table> into a rectangular grid; spanned positions hold copies with origin=false. */
export function tableGrid($: cheerio.CheerioAPI, table: Element): GridCell[][] {
  const grid: GridCell[][] = [];
  const rows = $(table).find('tr').filter((_, tr) => $(tr).closest('table')[0] === table);
  rows.each((r, tr) => {
    grid[r] ??= [];
    let c = 0;
    $(tr)
      .children('td,th')
      .each((_, td) => {
        while (grid[r]![c]) c++;
        const rs = Math.max(1, Math.min(100, Number($(td).attr('rowspan')) || 1));
        const cs = Math.max(1, Math.min(100, Number($(td).attr('colspan')) || 1));
        const text = cellText(td);
        for (let i = 0; i < rs; i++) {
          grid[r + i] ??= [];
          for (let j = 0; j < cs; j++) grid[r + i]![c + j] = { text, origin: i === 0 && j === 0 };
        }
        c += cs;
      });
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? { text: '', origin: false }));
}

export function readHtml(html: string, label = 'HTML page'): ReadDocument {
  if (/<html[\s>]/iu.test(html) && !/<\/html\s*>/iu.test(html) && !/<\/body\s*>/iu.test(html)) {
    throw new RejectError(`truncated download: the ${label} ends without </body> or </html>`);
  }
  const $ = cheerio.load(html);
  const blocks: Block[] = [];
  const titles: string[] = [];
  const t = $('title').first().text().trim();
  if (t) titles.push(repairText(t));
  let buf = '';
  let tableNo = 0;
  const flush = () => {
    const text = repairText(buf).replace(/[ \t]+/gu, ' ');
    text.split('\n').forEach((line) => {
      const l = line.trim();
      if (l) blocks.push({ kind: 'text', text: l, loc: `text ${blocks.length + 1}` });
    });
    buf = '';
  };
  const walk = (n: AnyNode) => {
    if (n.type === 'text') buf += (n as unknown as { data: string }).data;
    else if (n.type === 'tag') {
      const el = n as Element;
      const tag = el.name.toLowerCase();
      if (SKIP_TAGS.has(tag)) return;
      if (tag === 'table') {
        flush();
        tableNo++;
        blocks.push({ kind: 'table', rows: tableGrid($, el), loc: `table ${tableNo}` });
        return;
      }
      if (BLOCK_TAGS.has(tag)) buf += '\n';
      for (const c of el.children) walk(c);
      if (BLOCK_TAGS.has(tag)) buf += '\n';
    }
  };
  const root = $('body')[0] ?? $.root()[0]!;
  for (const c of (root as Element).children) walk(c);
  flush();
  return { kind: 'html', blocks, titles };
}
