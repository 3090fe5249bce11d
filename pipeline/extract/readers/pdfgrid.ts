// PDF table rows rebuilt from positions. A PDF prints nothing for an empty cell, so flattened to
// text a row with blanks loses where they were (and the glued-digit solver then guesses). Within a
// table the numbers of every row stand in the same columns: the columns are the clusters of the
// numbers' x-centres (and of the header words above them), and each row's numbers are placed in
// them, with an empty-cell marker where a column has nothing.

import { PAGE_FOOTER } from './text.ts';
import { COUNT_UNIT } from '../blocks.ts';

export interface PdfItem {
  s: string;
  x: number;
  y: number;
  w: number;
}

/** Marks a cell that the layout shows is empty (read by cells.ts as a blank cell). */
export const EMPTY = '\ue000';
/** Marks the cells of a label row without numbers: blank if it is a row, nothing if a group label. */
export const EMPTY_WEAK = '\ue001';

// (a count printed with its unit, `3件`, `9人次`, is a number of the grid too)
const NUMBER = new RegExp(`^\\s*(?:[+-]?\\d{1,3}(?:,\\d{3})+|[+-]?\\d+)(?:\\.\\d+)?\\s*(?:万元|元|%|${COUNT_UNIT})?\\s*$|^\\s*[/／\\\\]\\s*$|^\\s*(?:[-—–－]+|[_＿]+)\\s*$`, 'u');
const HEADER_WORDS =
  /信\s*息\s*内\s*容|申\s*请\s*人\s*情\s*况|自\s*然\s*人|商\s*业\s*企\s*业|科\s*研\s*机\s*构|结\s*果\s*维\s*持|结\s*果\s*纠\s*正|尚\s*未\s*审\s*结|未\s*经\s*复\s*议|复\s*议\s*后\s*起\s*诉|本\s*年\s*制\s*发|本\s*年\s*新\s*制\s*作|处\s*理\s*决\s*定\s*数|收\s*费\s*金\s*额|上\s*一\s*年\s*项\s*目|采\s*购\s*项\s*目/u;
const SECTION = /^\s*[一二三四五六]\s*[、.]\s*(?:总体|主动公开|收到和处理|政府信息公开行政|存在的主要|其他需要)/u;
const ORDINAL = /^\s*(?:\d{1,2}\s*[.、]|[(（]\s*[一二三四五六七八九十]\s*[)）]|[一二三四五六七八九十]\s*、)/u;
const COLUMN_GAP = 8; // points: centres closer than this are one column

const isNumber = (s: string) => NUMBER.test(s);
// a unit printed as a word of its own after its number (`12.5 万元`, `3 件`)
const UNIT = new RegExp(`^\\s*(?:万元|元|%|${COUNT_UNIT})\\s*$`, 'u');
const centre = (it: PdfItem) => it.x + it.w / 2;

/** Split an item holding several space-separated numbers (`0 0 3`) into one item per number. */
function splitNumbers(it: PdfItem): PdfItem[] {
  const parts = it.s.trim().split(/\s+/u);
  if (parts.length < 2 || !parts.every(isNumber)) return [it];
  const per = it.w / Math.max(1, it.s.length);
  const out: PdfItem[] = [];
  let from = 0;
  for (const p of parts) {
    const at = it.s.indexOf(p, from);
    out.push({ s: p, x: it.x + at * per, y: it.y, w: p.length * per });
    from = at + p.length;
  }
  return out;
}

type Row = PdfItem[];

/** Consecutive rows of one table: split at header rows and section headings. */
function bands(rows: Row[]): { rows: Row[]; header: Row[] }[] {
  const out: { rows: Row[]; header: Row[] }[] = [];
  let cur: { rows: Row[]; header: Row[] } = { rows: [], header: [] };
  for (const row of rows) {
    const text = row.map((i) => i.s).join('');
    // a header row may hold the `/` of 本年增/减 as an item of its own, but no digits
    const digits = row.filter((i) => isNumber(i.s) && /\d/u.test(i.s)).length;
    if (digits === 0 && (HEADER_WORDS.test(text) || SECTION.test(text))) {
      if (cur.rows.length) out.push(cur);
      // header rows stay with the band below them (their words mark its columns)
      cur = { rows: [], header: cur.rows.length ? [] : cur.header };
      if (!SECTION.test(text)) cur.header.push(row);
      continue;
    }
    cur.rows.push(row);
  }
  if (cur.rows.length) out.push(cur);
  return out;
}

/** Clusters of sorted points closer than COLUMN_GAP, as their means, with at least `support` points. */
function cluster(points: number[], support = 1): number[] {
  const sorted = [...points].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p - last[last.length - 1]! < COLUMN_GAP) last.push(p);
    else out.push([p]);
  }
  return out.filter((c) => c.length >= support).map((c) => c.reduce((s, x) => s + x, 0) / c.length);
}

/**
 * Column centres of a band: clusters of its numbers' centres, plus the narrow header words that
 * stand where no number does (a column blank in every row) at least half a column from the others.
 */
function columns(band: { rows: Row[]; header: Row[] }): number[] {
  // a column holds numbers of several rows; a number standing alone (a year in prose) is none
  const cols = cluster(band.rows.flatMap((r) => r.filter((i) => isNumber(i.s)).map(centre)), 2);
  if (cols.length < 2) return cols;
  const gaps = cols.slice(1).map((c, i) => c - cols[i]!).sort((a, b) => a - b);
  const pitch = gaps[Math.floor(gaps.length / 2)]!;
  const lo = cols[0]! - pitch / 2;
  const hi = cols[cols.length - 1]! + pitch * 1.5;
  // Only table 4's header is regular enough for that: one short word (结果维持 …) over each
  // column; table 3's header words wrap and span (法人或其他组织) and would invent columns.
  if (!band.header.some((r) => r.some((i) => /维\s*持/u.test(i.s)))) return cols;
  const words = band.header.flatMap((r) => r.filter((i) => !isNumber(i.s) && !/\s/u.test(i.s.trim()) && i.w <= pitch * 1.2).map(centre));
  const extra = cluster(words).filter((c) => c >= lo && c <= hi && cols.every((k) => Math.abs(k - c) >= pitch * 0.6));
  return [...cols, ...extra].sort((a, b) => a - b);
}

const T4_CELLS = 15;
const T4_WORD = /维|纠|其\s*他|尚\s*未|总/u;

/**
 * Table 4's fifteen columns from its header: under 行政复议 and the two 行政诉讼 groups, five words
 * each (结果维持, 结果纠正, 其他结果, 尚未审结, 总计), often wrapped inside their narrow cells.
 * Only a header with exactly fifteen such word columns is used.
 */
function table4Columns(rows: Row[]): number[] {
  // the header is what stands between the previous table's last numbers and this one's
  let from = rows.length;
  while (from > 0 && !rows[from - 1]!.some((i) => isNumber(i.s) && /\d/u.test(i.s))) from--;
  const before = rows.slice(from);
  const words = before.flatMap((r) => r.filter((i) => !isNumber(i.s) && i.w <= 60 && T4_WORD.test(i.s) && !/复\s*议|诉\s*讼/u.test(i.s)).map(centre));
  return words.length >= T4_CELLS ? cluster(words) : [];
}

/** Whether the row at `k` (a label line) has its numbers on a line below it, before the next label. */
function numbersFollow(rows: Row[], k: number): boolean {
  for (let j = k + 1; j < rows.length; j++) {
    const words = rows[j]!.filter((i) => !isNumber(i.s)).map((i) => i.s).join('');
    if (ORDINAL.test(words)) return false;
    if (rows[j]!.some((i) => isNumber(i.s))) return true;
  }
  return false;
}

/** One row as a text line: label words, then one entry per column (a number or a marker). */
function placeRow(row: Row, cols: number[], numbersBelow: () => boolean): string | null {
  const nums = row.filter((i) => isNumber(i.s));
  const words = row.filter((i) => !isNumber(i.s));
  const label = words.map((i) => i.s).join('');
  // A table row's label ends before its first column; words that run into the columns make it a
  // sentence (`政府信息公开行政复议 351 件`), which printed in x order keeps its figures in place.
  if (nums.length > 0 && words.some((i) => i.x + i.w > cols[0]! && !UNIT.test(i.s) && /\p{Script=Han}.*\p{Script=Han}/su.test(i.s))) return null;
  // a row label with no numbers: a row of blank cells, unless its label wraps around its numbers
  if (nums.length === 0) return ORDINAL.test(label) && !numbersBelow() ? `${label} ${cols.map(() => EMPTY_WEAK).join(' ')}` : null;
  const slots: (string | null)[] = cols.map(() => null);
  for (const it of nums) {
    const c = centre(it);
    let best = -1;
    for (let k = 0; k < cols.length; k++) if (best < 0 || Math.abs(cols[k]! - c) < Math.abs(cols[best]! - c)) best = k;
    if (best < 0 || Math.abs(cols[best]! - c) > COLUMN_GAP * 2 || slots[best] !== null) return null;
    slots[best] = it.s.trim();
  }
  return `${label} ${slots.map((s) => s ?? EMPTY).join(' ')}`.trim();
}

/**
 * The page's rows as text lines, with empty-cell markers in table rows that have blanks. Rows
 * that do not fit their table's columns are printed as they are, in x order.
 */
export function pageLines(items: PdfItem[], sameLine: number): { text: string; y: number }[] {
  const split = items.flatMap(splitNumbers);
  split.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const it of split) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - it.y) <= sameLine) row.push(it);
    else rows.push([it]);
  }
  for (const row of rows) row.sort((a, b) => a.x - b.x);
  // page numbers (`- 4 -`) are no part of the table they interrupt
  const furniture = (row: Row) => PAGE_FOOTER.test(row.map((i) => i.s).join(' '));
  const body = rows.filter((r) => !furniture(r));
  const placed = new Map<Row, string>();
  for (const band of bands(body)) {
    const firstNumbers = band.rows.find((r) => r.some((i) => isNumber(i.s) && /\d/u.test(i.s)));
    const start = firstNumbers ? body.indexOf(firstNumbers) : 0;
    const t4 = table4Columns(body.slice(Math.max(0, start - 10), start));
    const cols = t4.length === T4_CELLS ? t4 : columns(band);
    // a table of one value column (table 2's single-value blocks) has no blanks to place, and
    // prose with a stray number (a page number) is no table
    const tableLike = t4.length === T4_CELLS || band.rows.filter((r) => r.filter((i) => isNumber(i.s)).length >= 2).length >= 2;
    if (cols.length < 3 || !tableLike) continue;
    band.rows.forEach((row, k) => {
      const line = placeRow(row, cols, () => numbersFollow(band.rows, k));
      if (line !== null) placed.set(row, line);
    });
  }
  return rows.map((row) => ({ text: placed.get(row) ?? plain(row), y: row[0]!.y }));
}

function plain(row: Row): string {
  let line = '';
  let end = -Infinity;
  for (const it of row) {
    if (line && it.x - end > 1) line += ' ';
    line += it.s;
    end = it.x + it.w;
  }
  return line;
}
