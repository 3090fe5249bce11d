// Table 3 (requests received and how they were answered), both formats.
import { type Format, type T3Col, type T3Row, T3_COLS } from '../codes.ts';
import { type Stream, type Token, tokenAt } from './blocks.ts';
import { type Chunk, cellChunk, cutAfterValues, rowChunks, unsureCell } from './cells.ts';
import { type GridRow, gridRows, unlabelledRows } from './placed.ts';
import { type Anchor, type RowLabel, T3_OTHER_GROUP, findAnchors } from './labels.ts';
import { resolveUnits, type Unit } from './resolve.ts';
import type { Cell, Flag, Grid, TableResult } from './result.ts';
import { gluedProof, readRow, type RowReading } from './readrow.ts';
import type { Sections } from './sections.ts';
import { TABLE_SPECS } from './tablespec.ts';
import { ROW_SUM, canHoldAt, compiledColumnIdentities, rowCanHold } from './spec.ts';
import { PADDING_END, type Value } from './segment.ts';

export interface Table3 extends TableResult<T3Row, T3Col> {
  found: boolean;
  format: Format | null;
  /** stream offset where the table ends (table 4 is searched after it) */
  end: number;
  /** some run of the table proves its digits are glued (so table 4's may be too) */
  glued: boolean;
}

const GROUP_MARK = '__other_group' as T3Row;
const OTHER_GROUP_MARK: RowLabel<T3Row> = { ...T3_OTHER_GROUP, row: GROUP_MARK };

/** V3.3 (spec.ts) on one row's reading: cells by column position. */
function rowSumOk(v: Value[]): boolean {
  return rowCanHold(v.map((x) => x.value), ROW_SUM.total, ROW_SUM.parts);
}

/** `region`: table 3's slice from the sections step (sections.ts). */
export function extractTable3(stream: Stream, region: Sections['t3']): Table3 {
  const text = stream.text;
  const empty: Table3 = { found: false, format: null, end: 0, glued: false, cells: {}, flags: [], notes: [] };
  if (region === null) return empty;
  const { start, limit } = region;

  // f2021's （六） is a group label that bounds the row before it (its mark carries no numbers)
  const rows2021 = TABLE_SPECS.t3.f2021.rows.map((l) => (l === T3_OTHER_GROUP ? OTHER_GROUP_MARK : l));
  const a2021 = findAnchors(text, rows2021, start, limit);
  const subRows = a2021.filter((a) => a.row.startsWith('other_')).length;
  const a2019 = subRows >= 2 ? [] : findAnchors(text, TABLE_SPECS.t3.f2019.rows, start, limit);
  // Decided by the layout: （六） with sub-rows is f2021, （六） as one row is f2019; neither (a
  // fragment that stops earlier) leaves the format to table 2.
  let format: Format | null = subRows >= 2 ? 'f2021' : a2019.some((a) => a.row === 'other_subtotal') ? 'f2019' : null;
  let anchors: Anchor<T3Row>[] = subRows >= 2 ? a2021 : a2019;
  // （六） as the last row read (a table cut off there, or a fragment): one f2019 row cannot be told
  // from the f2021 group label whose sub-rows were cut away, so it bounds the row before it and is
  // not read; its rows are flagged as not found (extract.ts)
  if (format === 'f2019' && anchors[anchors.length - 1]!.row === 'other_subtotal') {
    anchors = anchors.map((a, i) => (i === anchors.length - 1 ? { ...a, row: GROUP_MARK } : a));
    format = null;
  }
  // three rows make a table; two only where the text ends inside it (a page cut after its first
  // rows: their numbers are printed, and the rows after them are flagged as not found)
  const labelled = anchors.filter((a) => a.row !== GROUP_MARK).length;
  if (labelled < 2 || (labelled === 2 && limit < text.length)) return empty;

  const units: Unit[] = [];
  const flags: Flag[] = [];
  const rowNotes: string[] = [];
  const lastEnd = anchors[anchors.length - 1]!.end;
  const tableEnd = cutAfterValues(stream, lastEnd, limit);
  const rows = anchors.flatMap((a, i) => {
    const to = i + 1 < anchors.length ? anchors[i + 1]!.start : tableEnd;
    return a.row === GROUP_MARK ? [] : [{ a, to, chunks: rowChunks(stream, a, to) }];
  });
  const glued = rows.some((r) => r.chunks.some(gluedProof));
  const readings = rows.map(({ a, chunks }) => ({ a, ...readRow(chunks, T3_COLS.length, rowSumOk, 'its total', glued) }));
  // The first row's blanks are in doubt when a line of bare numbers stands just above its label
  // (a PDF cell of two lines, `17770` / `件`, starts above the row's label line).
  const above = text.slice(Math.max(0, rows[0]!.a.start - 200), rows[0]!.a.start).split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (readings[0] && /^[\d\s,.\ue000\ue001]*\d[\d\s,.\ue000\ue001]*$/u.test(above[above.length - 1] ?? '') && rows[0]!.chunks.some((c) => c.layoutBlank)) {
    readings[0].candidates = [];
    readings[0].flag = { reason: 'ambiguous', detail: `a line of numbers ("${above[above.length - 1]}") stands just above this row's label: they may be its cells, printed on two lines; left blank` };
  }
  // A row left unread with more pieces than cells, and after it a row of nothing but blanks, or
  // with blanks a PDF's layout shows: the second row's numbers were most likely taken by the first
  // (a PDF label wrapped around its numbers and matched below them, a cell of two lines `4` /
  // `(注)` whose number sits on the line above), so those blanks are not its cells.
  readings.forEach((r, i) => {
    const next = readings[i + 1];
    if (!next || r.candidates.length > 0 || rows[i]!.chunks.length <= T3_COLS.length) return;
    const after = rows[i + 1]!.chunks;
    if (after.length === 0 || !(after.every((c) => c.kind === 'blank') || after.some((c) => c.layoutBlank))) return;
    next.candidates = [];
    next.flag = { reason: 'ambiguous', detail: `printed blanks after t3.${r.a.row}, which printed more pieces than its cells: their numbers may have been read with that row; left blank` };
  });
  if (format) rowNotes.push(...placeUnlabelled(stream, format, rows, readings, glued, tableEnd));
  // Markdown rows longer than the table's 7 values: a converter pads them either before the values
  // (spans expanded) or after them (spans dropped), the same way in the whole table. Rows whose sum
  // decided the end vote; a row it could not decide (zeros and blanks) follows a clear majority.
  const ends = readings.map((r) => new Set(r.candidates.map((v) => PADDING_END.get(v))));
  const votes = { start: 0, end: 0 };
  for (const e of ends) if (e.size === 1 && !e.has(undefined)) votes[[...e][0]!]++;
  // a clear majority, not a tie: a row whose span was broken may be padded the other way
  const winner = votes.start >= 3 && votes.end * 3 <= votes.start ? 'start' : votes.end >= 3 && votes.start * 3 <= votes.end ? 'end' : null;
  readings.forEach((r, i) => {
    if (winner && ends[i]!.has('start') && ends[i]!.has('end')) r.candidates = r.candidates.filter((v) => PADDING_END.get(v) !== (winner === 'start' ? 'end' : 'start'));
    const { a, candidates, flag, note, spacingIgnored } = r;
    if (flag) flags.push({ cell: `t3.${a.row}`, ...flag });
    if (note) rowNotes.push(`t3.${a.row}: ${note}`);
    units.push({ key: a.row, cols: T3_COLS, candidates, rowOk: rowSumOk, spacingIgnored });
  });

  const res = resolveUnits('t3', units, (pick, touched) => identitiesHold(format ?? 'f2021', pick, touched));

  const cells: Grid<T3Row, T3Col> = {};
  const chunksOf = new Map(rows.map((r) => [r.a.row, r.chunks]));
  const notes = [...rowNotes, ...res.notes];
  for (const u of units) {
    const row = u.key as T3Row;
    const got = res.cells.get(row);
    cells[row] = {};
    T3_COLS.forEach((col, c) => {
      const cell: Cell | null = got?.[c] ?? null;
      cells[row]![col] = cell ?? unsureCell(chunksOf.get(row) ?? []);
    });
  }
  // rows of the format that were not found are flagged by extract.ts, which knows table 2's format too
  return { found: true, format, end: tableEnd, glued, cells, flags: [...flags, ...res.flags], notes };
}

type Row = { a: Anchor<T3Row>; to: number; chunks: Chunk[] };

const WORDS = /[\u3400-\u9fff].*[\u3400-\u9fff]/u;

/**
 * The seven cells of an unlabelled row. Either those after its label fragments, or with none after
 * its emptied label and group columns (`| 行政机关不再处理其政府信息公 | 40 | …`, `|  |  |  | 6 | 0 | …`),
 * when exactly seven are left (blank padding after them dropped, unless a blank leads too) and the
 * last, the total, is a number; or, in a rectangular table (`width`: every row of the stretch as
 * wide), those at the values' columns (`at`: the column after the label of the rows read), with
 * only blanks and words before them and blanks after. Null otherwise: a spam row, a row whose
 * columns cannot be told.
 */
const isBlank = (t: Token) => t.text.trim() === '';
const blank = (ts: Token[]) => ts.every(isBlank);

function unlabelledCells(row: GridRow, width: number | null, at: number): Chunk[] | null {
  const n = T3_COLS.length;
  let lead = 0;
  while (lead < row.cells.length && (isBlank(row.cells[lead]!) || WORDS.test(row.cells[lead]!.text))) lead++;
  let first = lead;
  while (first > 0 && !WORDS.test(row.cells[first - 1]!.text)) first--;
  if (first === 0) first = lead;
  let stripped = row.cells.slice(first).map((t) => cellChunk(t.text, t.loc));
  while (stripped.length > n && stripped[0]!.kind !== 'blank' && stripped[stripped.length - 1]!.kind === 'blank') stripped = stripped.slice(0, -1);
  let cells: Chunk[] | null = stripped.length === n && stripped[n - 1]!.kind === 'number' ? stripped : null;
  if (!cells && width === row.cells.length && row.cells.slice(0, at).every((t) => isBlank(t) || WORDS.test(t.text)) && blank(row.cells.slice(at + n))) cells = row.cells.slice(at, at + n).map((t) => cellChunk(t.text, t.loc));
  if (!cells || cells.some((c) => WORDS.test(c.raw))) return null;
  // words and no number: a spam row, a note across the table
  return first > 0 && !blank(row.cells.slice(0, first)) && !cells.some((c) => c.kind === 'number') ? null : cells;
}

/**
 * Rows whose labels a converter printed apart from their numbers (placed.ts). Between two rows
 * read from their own grid rows, the template's rows there are the unlabelled number rows printed
 * between them, in order, when there are as many (a converted table keeps its rows in order; only
 * the labels leave it, before or after their numbers); each is kept only if it adds up. A label
 * printed apart took the numbers below it, which are the next row's where labels follow their
 * rows: where the count does not match, such a reading stands only if every label stands above its
 * row. Changes `rows` and `readings` in place; returns the notes.
 */
function placeUnlabelled(stream: Stream, format: Format, rows: Row[], readings: (RowReading & { a: Anchor<T3Row> })[], glued: boolean, tableEnd: number): string[] {
  const notes: string[] = [];
  const template = TABLE_SPECS.t3[format].rows.filter((l) => l !== T3_OTHER_GROUP).map((l) => l.row);
  const inGrid = (at: number) => stream.tokens[tokenAt(stream, at)]?.gridRow !== undefined;
  const solid = readings.filter((r) => r.candidates.length > 0 && template.includes(r.a.row) && inGrid(r.a.start));
  if (solid.length < 2) return notes;
  const grid = gridRows(stream, solid[0]!.a.start, tableEnd);
  // (a row without a number, a spam row or a note across the table, is not one of them)
  const loose = unlabelledRows(grid, rows.map((r) => r.a.start)).filter((u) => u.cells.some((t) => cellChunk(t.text, t.loc).kind === 'number'));
  // (a table whose every row has its label, as most have, ends here)
  if (loose.length === 0) return notes;
  const holds = (t: Token, at: number) => t.start <= at && at < t.start + t.text.length;
  for (let k = 0; k + 1 < solid.length; k++) {
    const [from, to] = [solid[k]!.a, solid[k + 1]!.a];
    const gap = template.slice(template.indexOf(from.row) + 1, template.indexOf(to.row));
    const inGap = loose.filter((u) => u.start > from.start && u.start < to.start);
    if (gap.length === 0 || inGap.length === 0) continue;
    const own = (a: Anchor<T3Row>) => grid.find((r) => r.cells.some((t) => holds(t, a.start)));
    const [ra, rb] = [own(from), own(to)];
    const widths = new Set([ra, rb, ...inGap].map((r) => r?.cells.length));
    const width = widths.size === 1 && ra ? ra.cells.length : null;
    const at = ra ? ra.cells.findIndex((t) => holds(t, from.start)) + 1 : -1;
    const between = inGap.flatMap((u) => {
      const cells = unlabelledCells(u, width, at);
      return cells ? [{ start: u.start, cells }] : [];
    });
    // (an unlabelled row whose seven cells cannot be told leaves the places unknown too)
    const fits = between.length === gap.length && inGap.length === between.length;
    // every label printed apart stands above its row (a `###` heading over it): the readings those
    // labels took from the rows below them stand; a row of numbers before the first such label
    // means the labels follow their rows, and those readings took the next row's numbers
    const apart = readings.filter((r) => gap.includes(r.a.row) && !inGrid(r.a.start)).map((r) => r.a.start);
    const labelsAbove = apart.length > 0 && inGap[0]!.start > Math.min(...apart);
    gap.forEach((row, g) => {
      const i = readings.findIndex((r) => r.a.row === row);
      if (!fits) {
        if (!labelsAbove && i >= 0 && readings[i]!.candidates.length > 0) {
          readings[i] = {
            a: readings[i]!.a,
            candidates: [],
            flag: { reason: 'ambiguous', detail: `its label is printed apart from the table's rows, among ${inGap.length} unlabelled rows for ${gap.length} rows: which are its numbers cannot be told; left blank` },
          };
        }
        return;
      }
      const got = readRow(between[g]!.cells, T3_COLS.length, rowSumOk, 'its total', glued);
      const adds = got.candidates.length === 1 && !got.note && rowSumOk(got.candidates[0]!);
      const a = { row, start: between[g]!.start, end: between[g]!.start, inner: [] };
      const reading: RowReading & { a: Anchor<T3Row> } = adds
        ? { a, candidates: got.candidates }
        : { a, candidates: [], flag: got.flag ?? { reason: 'unsatisfiable', detail: `its label is printed apart from its numbers; the unlabelled row at its place, "${between[g]!.cells.map((c) => c.raw).join(' ')}", does not add up to its total: left blank` } };
      if (i >= 0) {
        readings[i] = reading;
        rows[i] = { ...rows[i]!, chunks: [] };
      } else {
        readings.push(reading);
        rows.push({ a, to: a.start, chunks: [] });
      }
      if (adds) notes.push(`t3.${row}: its label is printed apart from its numbers (a converted table): read from the unlabelled row of numbers at its place between t3.${from.row} and t3.${to.row}`);
    });
  }
  return notes;
}

/**
 * V3.1 and V3.2 (spec.ts) for the columns where a still-ambiguous row takes part. Rows not yet
 * assigned are unknown: an identity fails only when it can no longer hold.
 */
function identitiesHold(format: Format, pick: (key: string) => Value[] | undefined, touched: Set<string>): boolean {
  const get = (row: string, col: number) => {
    const v = pick(row);
    return v === undefined ? undefined : (v[col]?.value ?? null);
  };
  for (const id of compiledColumnIdentities(format)) {
    let involved = false;
    for (const r of touched) if (id.rows.has(r)) involved = true;
    if (involved && !canHoldAt(id, get)) return false;
  }
  return true;
}
