// Table 2 (proactive disclosure): four or five blocks of small rows, layout by format.
import type { Format, T2Col, T2Row } from '../codes.ts';
import type { Stream } from './blocks.ts';
import { printedColumns } from './blockheader.ts';
import { type Chunk, cutAfterValues, rowChunks, unsureCell } from './cells.ts';
import { type Anchor, type RowLabel, findAnchors, firstMatch, labelRegex } from './labels.ts';
import { gluedProof } from './readrow.ts';
import { resolveUnits, type Unit } from './resolve.ts';
import type { Cell, Flag, Grid, TableResult } from './result.ts';
import type { Sections } from './sections.ts';
import { segment } from './segment.ts';
import { TABLE_SPECS, spacedWords } from './tablespec.ts';

export interface Table2 extends TableResult<T2Row, T2Col> {
  found: boolean;
  format: Format | null;
  /** no table 3 heading follows: the table runs to the end of the text, and may have been cut off there */
  toEnd: boolean;
  /** a block caption (第二十条…) or header (信息内容…) follows the last row read: the table goes on with rows whose labels were not recognised */
  captionAfterLast: boolean;
  /** numbers under an unrecognised label before 行政规范性文件: the 规章 row, not read */
  regulationsUnread: boolean;
  /** a label that was not recognised, with numbers after it, follows the last row read (`行政强□制 12 0 21`) */
  rowAfterLast: boolean;
}

// a block caption or header (第二十条…, 信息内容), which follows a row without being one
const CAPTION_WORDS = ['第二十条', '信息内容'];
const CAPTION_PIECE = /第\s*二\s*十\s*条|信\s*息\s*内\s*容/u;
// a piece of a printed row: a label (a few words, no sentence) and a value
const LABEL_PIECE = /^(?=(?:[^\d]*[\u3400-\u9fff]){2})[^\d。，,；;：:、]{2,20}$/u;
const NUMBER_PIECE = /^[+-]?\d[\d,，]*(?:\.\d+)?$/u;

/**
 * After the last row read (its values end at `from`), a label that was not recognised and a number
 * right after it: the row of a garbled or unknown label (`行政强\u0001制` / `12` / `0` / `21`). Its
 * numbers are nobody's cells, so the rows after the last read cannot be taken as not printed.
 */
function rowAfter(text: string, from: number, to: number): boolean {
  const pieces = text.slice(from, to).split(/[|｜\t\n]|\s{2,}|\s+(?=[+-]?\d)|(?<=\d)\s+/u).map((p) => p.trim()).filter(Boolean);
  return pieces.some((p, i) => LABEL_PIECE.test(p) && !CAPTION_PIECE.test(p) && NUMBER_PIECE.test(pieces[i + 1] ?? ''));
}

const FORMAT_WORDS = (['f2021', 'f2019'] as const).map((f) => ({ format: f, re: spacedWords(TABLE_SPECS.t2[f].formatWords) }));

function detectFormat(raw: string): Format | null {
  // `本年(2023)制发件数`: a year printed inside the header words
  const header = raw.replace(/[(（]\s*\d{4}\s*年?\s*度?\s*[)）]/gu, '');
  for (const { format, re } of FORMAT_WORDS) {
    re.lastIndex = 0;
    if (re.test(header)) return format;
  }
  return null;
}

// the last header word of block （一）, after which its first row (规章) starts
const FIRST_BLOCK_HEADER_END = /现\s*行\s*有\s*效(?:\s*件)?(?:\s*数)?|对\s*外\s*公\s*开\s*总(?:\s*数)?(?:\s*量)?/gu;

/**
 * 规章 printed without its label (a crawl that lost the label cell: `现行有效件数` / ` ` / `0` `0` `0` /
 * `行政规范性文件`): numbers and nothing else between the block's header and its second row can only
 * be the first row of the national template. Numbers with words that are no label (`徢章000`: a
 * misspelt or garbled 规章) are a row not read: `unread`, flagged.
 */
function unlabelledRegulations(text: string, first: Anchor<T2Row>, start: number): { anchor: Anchor<T2Row> | null; unread: boolean } {
  const none = { anchor: null, unread: false };
  if (first.row !== 'normative_docs') return none;
  let headerEnd = -1;
  FIRST_BLOCK_HEADER_END.lastIndex = start;
  for (let m = FIRST_BLOCK_HEADER_END.exec(text); m && m.index < first.start; m = FIRST_BLOCK_HEADER_END.exec(text)) headerEnd = m.index + m[0].length;
  if (headerEnd < 0) return none;
  const gap = text.slice(headerEnd, first.start);
  if (!/\d/u.test(gap)) return none;
  if (/^[\s|\d.,，+\-/—]*$/u.test(gap)) return { anchor: { row: 'regulations', start: headerEnd, end: headerEnd, inner: [] }, unread: false };
  return { anchor: null, unread: true };
}

/**
 * After a label, the rest of a line that holds its values only (`行政许可 97`, `行政事业性收费 12.5`,
 * `行政许可（不含…） 8`, `行政处罚 27 增5 31`, `政府集中采购 43 45元`): numbers, an annotation in
 * brackets, a few unit or sign words, no sentence (`办理行政许可97件，…`).
 */
function valuesOnly(rest: string): boolean {
  const nl = rest.indexOf('\n');
  const line = (nl < 0 ? rest : rest.slice(0, nl)).replace(/^\s*[（(][^（()）\n]*[）)]/u, '');
  return /\d/u.test(line) && !/[。，,；;：:、]/u.test(line) && (line.match(/[\u3400-\u9fff]/gu)?.length ?? 0) <= 4;
}

/**
 * Blocks printed out of their order: PDF-to-Markdown converters write the one-row blocks （五） to
 * （八） as plain lines (`行政许可 97`) before the table of block （一）. A label the ordered search
 * missed is taken from before the first row found, but only where it starts its line and the line
 * holds nothing but its values (valuesOnly): a label in prose (`办理行政许可97件，…`) is not a row.
 */
function outOfOrderAnchors(text: string, labels: RowLabel<T2Row>[], found: Anchor<T2Row>[], start: number): Anchor<T2Row>[] {
  const have = new Set(found.map((a) => a.row));
  const before = text.slice(0, found[0]!.start);
  const out: Anchor<T2Row>[] = [];
  let pos = start;
  for (const label of labels) {
    if (have.has(label.row)) continue;
    const re = labelRegex(label);
    re.lastIndex = pos;
    for (let m = re.exec(before); m; m = re.exec(before)) {
      const end = m.index + m[0].length;
      const lineStart = before.lastIndexOf('\n', m.index) + 1;
      if (/^[ \t|]*$/u.test(before.slice(lineStart, m.index)) && valuesOnly(before.slice(end, end + 200))) {
        out.push({ row: label.row, start: m.index, end, inner: [] });
        pos = end;
        break;
      }
    }
  }
  return out;
}

/** A block caption (第二十条…) between `from` and `to` with no row anchor after it before the next caption or `to`. */
function emptyCaption(text: string, anchors: Anchor<T2Row>[], from: number, to: number): boolean {
  for (let c = firstMatch(text, ['第二十条'], from, to); c; ) {
    const next = firstMatch(text, ['第二十条'], c.end, to);
    const stop = next ? next.start : to;
    if (!anchors.some((a) => a.start > c!.end && a.start < stop)) return true;
    c = next;
  }
  return false;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

// the unit a money column's header names: `采购总金额(万元)`, `本年收费金额（单位：元）`
const HEADER_UNIT = /(?:金\s*额|收\s*费)[^|\n\d]{0,8}?[(（]\s*(?:单\s*位\s*[:：]?\s*)?(万\s*元|元)\s*[)）]/gu;

/** The unit named in the header printed between the row before (or the table's start) and this row's label. */
function headerUnit(text: string, from: number, to: number): '元' | '万元' | undefined {
  let unit: '元' | '万元' | undefined;
  HEADER_UNIT.lastIndex = from;
  for (let m = HEADER_UNIT.exec(text); m && m.index < to; m = HEADER_UNIT.exec(text)) unit = m[1]!.startsWith('万') ? '万元' : '元';
  return unit;
}

/** Money cells: fees are in 万元, procurement in 元; a cell's own unit decides, then its column header's, a bare number is kept. */
const MONEY_COLS: ReadonlySet<T2Col> = new Set(['fee_amount_wan_yuan', 'procurement_amount']);

/** `own`: the unit printed with the value; `header`: the one its column's header names. */
function normaliseMoney(row: T2Row, col: T2Col, cell: Cell, own: string | undefined, header: string | undefined, flags: Flag[]): Cell {
  if (cell.value === null) return cell;
  const key = `t2.${row}.${col}`;
  // a money unit on a count (`45元` as 采购项目数量): the amount's cell, moved over a lost one
  if ((own === '元' || own === '万元') && !MONEY_COLS.has(col)) {
    flags.push({ cell: key, reason: 'ambiguous', detail: `"${cell.raw}" is printed with a money unit in a column that counts: an amount, not a count (a cell before it lost, or purchases listed one by one); left blank`, candidates: [cell.value] });
    return { ...cell, value: null };
  }
  const unit = own ?? header;
  if (col === 'fee_amount_wan_yuan' && unit === '元') {
    flags.push({ cell: key, reason: 'unit_converted', detail: `printed "${cell.raw}" in 元, converted to 万元`, candidates: [cell.value] });
    return { ...cell, value: round6(cell.value / 10000) };
  }
  if (col === 'procurement_amount' && cell.value !== 0) {
    if (unit === '万元') return { ...cell, value: round6(cell.value * 10000) };
    if (unit !== '元') {
      flags.push({
        cell: key,
        reason: 'ambiguous',
        detail: `procurement amount "${cell.raw}" has no unit (元 or 万元)`,
        candidates: [cell.value, round6(cell.value * 10000)],
      });
      return { ...cell, value: null };
    }
  }
  return cell;
}

/** `region`: table 2's slice from the sections step (sections.ts); `gluedElsewhere`: table 3 proves the report's digits glued (Table3.glued). */
export function extractTable2(stream: Stream, region: Sections['t2'], gluedElsewhere = false): Table2 {
  const text = stream.text;
  const none: Table2 = { found: false, format: null, toEnd: false, captionAfterLast: false, regulationsUnread: false, rowAfterLast: false, cells: {}, flags: [], notes: [] };
  if (region === null) return none;
  const { start, end, toEnd } = region;
  const format = detectFormat(text.slice(start, end));
  // no header words and no table 3 after: the text stops before the table's header (a file cut
  // short in section 一, whose prose names 主动公开 and 行政处罚 too): nothing of the table is here
  if (!format && toEnd) return none;
  const spec = TABLE_SPECS.t2[format ?? 'f2021'];
  const ordered = findAnchors(text, spec.rows, start, end);
  if (ordered.length === 0) return none;
  const { anchor: unlabelled, unread: regulationsUnread } = unlabelledRegulations(text, ordered[0]!, start);
  const early = outOfOrderAnchors(text, spec.rows, ordered, start);
  const anchors = [...early, ...(unlabelled ? [unlabelled] : []), ...ordered];

  const units: Unit[] = [];
  const units2: { row: T2Row; cols: readonly T2Col[]; unitOf: (string | undefined)[][]; headerUnit?: '元' | '万元'; flagged?: boolean; chunks: Chunk[] }[] = [];
  const unsure: Flag[] = [];
  const headerNotes: string[] = [];
  const rowStarts = anchors.map((a) => a.start);
  // (or, with blocks out of order, a caption with no row read before the next: `第二十条第（九）项`
  // over a 政府集中采购 whose label was not recognised, before block （一）)
  const captionAfterLast = firstMatch(text, CAPTION_WORDS, anchors[anchors.length - 1]!.end, end) !== null || (early.length > 0 && emptyCaption(text, anchors, start, ordered[0]!.start));
  // (the last anchor is the last row in the text: out-of-order ones come before block （一）)
  const lastValuesEnd = cutAfterValues(stream, anchors[anchors.length - 1]!.end, end);
  const rowAfterLast = rowAfter(text, lastValuesEnd, end);
  const rowsChunks = anchors.map((a, i) => {
    let to = i + 1 < anchors.length ? anchors[i + 1]!.start : lastValuesEnd;
    const nextCaption = firstMatch(text, ['第二十条'], a.end, to);
    if (nextCaption) to = nextCaption.start;
    return rowChunks(stream, a, to);
  });
  // digits are glued somewhere in the report (a run with a leading zero here or in table 3): a run
  // may print several cells; elsewhere one run is one number, and a row of fewer runs than columns
  // has lost a blank (`39` for 上一年项目数量 and 本年增/减 is not 3 and 9)
  const glued = gluedElsewhere || rowsChunks.some((cs) => cs.some(gluedProof));
  anchors.forEach((a, i) => {
    const chunks = rowsChunks[i]!;
    const printed = printedColumns(text, start, a.start, spec.columns(a.row), rowStarts);
    if (printed) {
      // a block that prints fewer columns than its format: each value is read under the column its
      // header names, one printed value per header cell, or the row is flagged
      // (padding is no cell here: a text cell the row skipped must not leave its column to it)
      const strong = chunks.filter((c) => !(c.kind === 'blank' && (c.weak || c.spacing || c.layoutBlank)));
      const seg = strong.length === printed.length ? segment(strong, printed.length, 2) : null;
      const one = seg && seg.candidates.length === 1 && !seg.split && !seg.spacingIgnored && !seg.wrapJoined ? seg.candidates[0]! : null;
      if (!one) {
        // every column of the format: a header that lost a cell (a line of it deleted) looks the same
        const all = spec.columns(a.row);
        for (const col of all) unsure.push({ cell: `t2.${a.row}.${col}`, reason: 'ambiguous', detail: `the block's header prints ${printed.length} of the format's ${all.length} columns, and "${chunks.map((x) => x.raw).join(' ')}" is not one value for each` });
        units.push({ key: a.row, cols: all, candidates: [] });
        units2.push({ row: a.row, cols: all, unitOf: [], flagged: true, chunks });
        return;
      }
      const cols = printed.filter((c): c is T2Col => c !== null);
      const picked = one.filter((_, c) => printed[c] !== null);
      headerNotes.push(`t2.${a.row}: its block's header prints ${printed.length} of the format's ${spec.columns(a.row).length} columns; read as ${printed.map((c) => c ?? 'a column of no code').join(', ')}`);
      units.push({ key: a.row, cols, candidates: [picked] });
      units2.push({ row: a.row, cols, unitOf: [picked.map((v) => v.unit)], chunks });
      return;
    }
    const cols = spec.columns(a.row);
    const seg = segment(chunks, cols.length, 200);
    // Table 2 has no sums to check a split against. A run of glued digits (规章000) prints every
    // cell; but fewer space-separated values than columns may have lost a blank cell.
    // A signed value glued to others (`1-10`) may have lost a blank cell the same way.
    const signedGlue = seg.split && chunks.some((c) => c.sign !== undefined && c.splittable);
    // more printed values than columns, read only by gluing spaced numbers together: a guess
    // numbers on consecutive lines joined as one cut by a wrap: with no sum to confirm it, the lines
    // may as well be cells of a row whose label was not recognised (`+9` / `0` / `0` read as 900)
    if ((seg.split && (seg.spaced || signedGlue || !glued)) || seg.spacingIgnored || seg.wrapJoined) {
      cols.forEach((col, c) => {
        const options = [...new Set(seg.candidates.map((cand) => cand[c]!.value))];
        unsure.push({
          cell: `t2.${a.row}.${col}`,
          reason: 'ambiguous',
          detail: seg.wrapJoined
            ? `"${chunks.map((x) => x.raw).join(' ')}" has more values than the ${cols.length} columns: numbers cut by a line wrap, or values of a row whose label was not recognised`
            : `"${chunks.map((x) => x.raw).join(' ')}" has fewer ${signedGlue ? 'printed values (one signed and glued)' : 'values'} than the ${cols.length} columns${seg.spaced || signedGlue ? '' : ', and the report prints no glued digits'}: a blank cell may have vanished`,
          candidates: options.slice(0, 12),
        });
      });
      units.push({ key: a.row, cols, candidates: [] });
      units2.push({ row: a.row, cols, unitOf: [], flagged: true, chunks });
      return;
    }
    units.push({ key: a.row, cols, candidates: seg.candidates });
    const unitHeader = a.row === 'admin_fees' || a.row === 'central_procurement' ? headerUnit(text, i > 0 ? anchors[i - 1]!.end : start, a.start) : undefined;
    units2.push({ row: a.row, cols, unitOf: seg.candidates.map((c) => c.map((v) => v.unit)), headerUnit: unitHeader, chunks });
  });
  const res = resolveUnits('t2', units);
  const flags: Flag[] = [...res.flags, ...unsure];
  const cells: Grid<T2Row, T2Col> = {};
  for (const u of units2) {
    const got = res.cells.get(u.row);
    cells[u.row] = {};
    u.cols.forEach((col, c) => {
      const cell = got?.[c];
      if (!cell) {
        cells[u.row]![col] = unsureCell(u.chunks);
        if (!got && !u.flagged) flags.push({ cell: `t2.${u.row}.${col}`, reason: 'unsatisfiable', detail: 'no reading of the printed values fits the row' });
        return;
      }
      cells[u.row]![col] = normaliseMoney(u.row, col, cell, u.unitOf[0]?.[c], u.headerUnit, flags);
    });
  }
  const notes = [...res.notes, ...headerNotes, ...(unlabelled ? ['t2.regulations: printed without its row label; read as the first row of block （一） by its position'] : [])];
  return { found: true, format, toEnd, captionAfterLast, regulationsUnread, rowAfterLast, cells, flags, notes };
}
