// Plain text and Markdown: one cell per line, pipe tables, tab/space separated cells, glued runs.
import type { Block, GridCell, ReadDocument } from '../blocks.ts';
import { repairText } from '../repair.ts';

// Page furniture left by PDF-to-text tools: "- 4 -", "第 4 页", "4 / 6", "共6页".
const PAGE_FOOTER = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|共\s*\d{1,3}\s*页)\s*$/u;

function pipeCells(line: string): string[] | null {
  const t = line.trim();
  if ((t.match(/[|｜]/gu) ?? []).length < 2) return null;
  return t.replace(/^[|｜]/u, '').replace(/[|｜]$/u, '').split(/[|｜]/u).map((c) => c.trim());
}

const isRule = (cells: string[]) => cells.every((c) => /^:?-{2,}:?$/u.test(c) || c === '');

/** `locs` names where each line came from (PDF page and position); by default the line number. */
export function readText(raw: string, locs?: string[]): ReadDocument {
  const text = repairText(raw);
  const titles: string[] = [];
  let publisher: string | undefined;
  const blocks: Block[] = [];
  let table: GridCell[][] | null = null;
  let tableLine = 0;
  const lines = text.split('\n');
  const where = (i: number) => locs?.[i] ?? `line ${i + 1}`;
  const endTable = () => {
    if (table) blocks.push({ kind: 'table', rows: table, loc: where(tableLine - 1) });
    table = null;
  };
  lines.forEach((line, i) => {
    const header = /^\s*(标题|发布机构|文章标题|信息来源|来源)\s*[:：]\s*(.*)$/u.exec(line);
    if (header && i < 40) {
      if (header[1] === '标题' || header[1] === '文章标题') titles.push(header[2]!.trim());
      else if (header[2]!.trim()) publisher = header[2]!.trim();
    }
    if (PAGE_FOOTER.test(line)) return;
    const cells = pipeCells(line) ?? (line.split('\t').length >= 3 ? line.split('\t').map((c) => c.trim()) : null);
    if (cells) {
      if (!table) {
        table = [];
        tableLine = i + 1;
      }
      if (!isRule(cells)) table.push(cells.map((c) => ({ text: c, origin: true })));
      return;
    }
    endTable();
    if (line.trim()) blocks.push({ kind: 'text', text: line.trim(), loc: where(i) });
  });
  endTable();
  return { kind: 'text', blocks, titles, publisher };
}
