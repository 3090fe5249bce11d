// One report file in, one checked result out. Pure apart from reading the bytes it is given.
import { SECTION_CODES, T2_LAYOUT, type T2Row, T3_ROWS_F2019, T3_ROWS_F2021 } from '../codes.ts';
import { type Block, type Stream, toStream } from './blocks.ts';
import { checkTable2, checkTable3, checkTable4 } from './checks.ts';
import { extractMeta } from './metadata.ts';
import { RejectError, readDocument } from './readers/index.ts';
import { flagsPerCell } from './coverage.ts';
import { WINDOWS } from './spec.ts';
import { flagImplausible } from './plausible.ts';
import { figureChecks, proseFigures } from './prose.ts';
import { pdfDate, textDate } from './published.ts';
import { type Sections, locateSections, sectionText } from './sections.ts';
import { sketch } from './sketch.ts';
import { type Check, type ExtractResult, type Flag, type Grid, rejected } from './result.ts';
import { extractTable2 } from './table2.ts';
import { extractTable3 } from './table3.ts';
import { extractTable4 } from './table4.ts';

/**
 * No cell holds a printed number or a printed 无, / or -: an unfilled template. A cell left unreadable with digits in it
 * counts as printed (`规章` / `0` / `规范性文件` / `2`: short rows whose columns cannot be told are
 * flagged, and the report must stay, with its flags, issuer and year).
 */
function allBlank(grids: object[]): boolean {
  for (const g of grids) {
    for (const cols of Object.values(g)) {
      for (const cell of Object.values(cols as object)) {
        const { kind, raw } = cell as { kind: string; raw: string };
        // (无, / and - are printed answers too: a body that had none of anything writes 无 in every cell)
        if (kind === 'number' || kind === 'none_word' || kind === 'slash' || kind === 'dash' || (kind === 'unreadable' && /\d/u.test(raw))) return false;
      }
    }
  }
  return true;
}

const T3_ROWS_ANY = [...new Set([...T3_ROWS_F2021, ...T3_ROWS_F2019])];

type Tables = { t2: ReturnType<typeof extractTable2>; t3: ReturnType<typeof extractTable3>; t4: ReturnType<typeof extractTable4> };

/** The sections step, then each table from its slice. */
function readTables(stream: Stream): Tables & { sections: Sections } {
  const sections = locateSections(stream);
  const t3 = extractTable3(stream, sections.t3);
  const t4 = extractTable4(stream, t3.found ? t3.end : 0, t3.glued);
  const t2 = extractTable2(stream, sections.t2, t3.glued);
  return { t2, t3, t4, sections };
}

/**
 * Rows that were not read. A table cut off before its last rows (a file cut short, a fragment)
 * loses them: flagged, so that a missing row is told from one the report does not have. Table 3's
 * rows are those of its own format, or of both when it stops before （六） tells which (table 2's
 * format is no guide: mixed layouts exist). Table 2's rows are often left out by a body that has
 * none (规章), so only those after its last row read are, when the table runs to the end of
 * the text or a block caption follows (their label was not recognised), those before the first
 * row read but 规章, and those between two rows read (the same); the extra rows
 * some reports add (x_…) are never expected.
 */
function missingRows(t2: Tables['t2'], t3: Tables['t3']): Flag[] {
  const out: Flag[] = [];
  if (t3.found) {
    const expected = t3.format === 'f2021' ? T3_ROWS_F2021 : t3.format === 'f2019' ? T3_ROWS_F2019 : T3_ROWS_ANY;
    for (const row of expected) if (!t3.cells[row]) out.push({ cell: `t3.${row}`, reason: 'row_not_found', detail: 'the row label was not found in table 3' });
  }
  if (t2.found && t2.format) {
    const rows = (Object.keys(T2_LAYOUT[t2.format]) as T2Row[]).filter((r) => !r.startsWith('x_'));
    const firstRead = rows.findIndex((r) => t2.cells[r]);
    const lastRead = rows.reduce((last, r, i) => (t2.cells[r] ? i : last), -1);
    // a row between two rows read is in the printed table: its label was not recognised
    for (const row of firstRead < 0 ? [] : rows.slice(firstRead + 1, lastRead)) {
      if (!t2.cells[row]) out.push({ cell: `t2.${row}`, reason: 'row_not_found', detail: 'the row label was not found in table 2, though rows before and after it were read' });
    }
    // every template prints 行政规范性文件 (only 规章 is left out by bodies that make none; when
    // 行政规范性文件 was not read either, block （一） as a whole was not, 规章 with it)
    const blockOneUnread = firstRead > rows.indexOf('normative_docs');
    for (const row of firstRead < 0 ? [] : rows.slice(0, firstRead)) {
      if (row !== 'regulations' || blockOneUnread) out.push({ cell: `t2.${row}`, reason: 'row_not_found', detail: 'the row label was not found in table 2, though rows after it were read' });
      else if (t2.regulationsUnread) out.push({ cell: `t2.${row}`, reason: 'row_not_found', detail: 'numbers are printed before 行政规范性文件 under a label that was not recognised as 规章' });
    }
    // (a table 2 that runs to the end always has its header words, hence its format: table2.ts)
    // every template prints all its blocks: a table 2 read only up to 行政规范性文件 lost the rest
    const blockOneOnly = lastRead >= 0 && lastRead <= rows.indexOf('normative_docs');
    if (t2.toEnd || t2.captionAfterLast || blockOneOnly || t2.rowAfterLast) {
      for (const row of rows.slice(lastRead + 1)) {
        out.push({
          cell: `t2.${row}`,
          reason: 'row_not_found',
          detail: t2.captionAfterLast
            ? 'the row label was not found in table 2, though a block caption or header (第二十条…, 信息内容) follows the last row read'
            : t2.rowAfterLast
              ? 'the row label was not found in table 2, though numbers follow the last row read under a label that was not recognised'
            : t2.toEnd
              ? 'table 2 runs to the end of the text without this row: the file may have been cut short'
              : 'table 2 was read only up to 行政规范性文件: the rows of its other blocks were not found',
        });
      }
    }
  }
  return out;
}

/**
 * A cell printed as something that is not a number (`5（注）`) is left blank by the tables; it
 * must say why wherever its table did not already flag it, or it would pass as an empty cell.
 */
function unflaggedUnreadable(tables: Tables, flags: Flag[]): Flag[] {
  let flagged: Set<string> | null = null;
  const out: Flag[] = [];
  for (const t of ['t2', 't3', 't4'] as const) {
    const grid = tables[t].cells as Grid<string, string>;
    for (const row in grid) {
      const cols = grid[row] ?? {};
      for (const col in cols) {
        const cell = cols[col];
        // (almost every cell is read: the keys are built only for the few that are not)
        if (cell?.kind !== 'unreadable') continue;
        flagged ??= new Set(flags.map((f) => f.cell));
        const key = `${t}.${row}.${col}`;
        if (flagged.has(key) || flagged.has(`${t}.${row}`) || flagged.has(t)) continue;
        out.push({ cell: key, reason: 'unreadable', detail: `printed "${cell.raw}", which is not a number as it stands; left blank` });
      }
    }
  }
  return out;
}

/** The file's last byte is a digit: it may end inside a number. */
const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;
// (also after a number and its dot, `12.`: a decimal cut after its point)
const endsInDigit = (bytes: Uint8Array) => isDigit(bytes[bytes.length - 1]) || (bytes[bytes.length - 1] === 0x2e && isDigit(bytes[bytes.length - 2]));

/**
 * A file cut right after a sub-row's item number (`… 0 |` then `3.` or `3、`, the start of
 * `3.危及…`) ends in the next label, not in a value: that number goes (item numbers are one digit).
 */
// the marks after an item number: `.`, and in UTF-8 `、` and `．`
const ITEM_MARKS = [[0x2e], [0xe3, 0x80, 0x81], [0xef, 0xbc, 0x8e]];
function withoutCutItemNumber(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  const mark = ITEM_MARKS.find((m) => m.every((b, k) => bytes[n - m.length + k] === b));
  if (!mark) return bytes;
  const d = n - mark.length - 1;
  if (!isDigit(bytes[d]) || isDigit(bytes[d - 1]) || bytes[d - 1] === 0x2e) return bytes;
  return bytes.subarray(0, d);
}

// equalities: a cell they cover and that passes them is proven by the report's own arithmetic
const SUMS = new Set(['V3.1', 'V3.2', 'V3.3', 'V4.1']);

/**
 * A file that ends right after a digit may have been cut inside a number (行政许可12 read as
 * 行政许可1). The cells that depend on the end of the file are found by reading it again with
 * one more digit: those whose value changes are set to NULL and flagged — unless a sum that holds
 * covers them (a row whose total adds up was not cut). Changes `tables` in place.
 */
function cutShort(blocks: Block[], tables: Tables, checks: Check[]): Flag[] {
  const last = blocks.length - 1;
  const b = blocks[last];
  if (!b) return [];
  let probe: Block;
  if (b.kind === 'text') probe = { ...b, text: `${b.text}1` };
  else if (b.kind === 'cells') probe = { ...b, cells: b.cells.map((c, i) => (i === b.cells.length - 1 ? { ...c, text: `${c.text}1` } : c)) };
  else {
    const rows = b.rows.map((r) => [...r]);
    const row = rows[rows.length - 1];
    if (!row || row.length === 0) return [];
    const cell = row[row.length - 1]!;
    row[row.length - 1] = { ...cell, text: `${cell.text}1` };
    probe = { ...b, rows };
  }
  const longer = readTables(toStream([...blocks.slice(0, last), probe]));
  const proven = new Set(checks.filter((c) => c.status === 'pass' && SUMS.has(c.rule)).flatMap((c) => c.cells));
  const flags: Flag[] = [];
  for (const t of ['t2', 't3', 't4'] as const) {
    const grid = tables[t].cells as Grid<string, string>;
    const other = longer[t].cells as Grid<string, string>;
    for (const [row, cols] of Object.entries(grid)) {
      for (const [col, cell] of Object.entries(cols ?? {})) {
        const key = `${t}.${row}.${col}`;
        if (!cell || cell.value === null || other[row]?.[col]?.value === cell.value || proven.has(key)) continue;
        flags.push({ cell: key, reason: 'cut_short', detail: `the file ends right after a digit and this cell ("${cell.raw}") reads otherwise when the file goes on: the number may have been cut short; left blank`, candidates: [cell.value] });
        cols![col] = { ...cell, value: null };
      }
    }
  }
  return flags;
}

/** `read`: the readers (a parameter so that a test can plant a reader bug). */
export async function extractBytes(file: string, bytes: Uint8Array, read: typeof readDocument = readDocument): Promise<ExtractResult> {
  let doc;
  bytes = withoutCutItemNumber(bytes);
  try {
    doc = await read(file, bytes);
  } catch (e) {
    // The readers turn what is wrong with a file (damaged, truncated, not a report) into a
    // RejectError; anything else is a bug of the reader and must surface as an internal error
    // (commands/extract.ts), not pass as a rejection.
    if (e instanceof RejectError) return rejected(file, e.message);
    throw e;
  }
  const stream = toStream(doc.blocks);
  const { t2, t3, t4, sections } = readTables(stream);

  const meta = extractMeta(doc.titles, stream.text.slice(0, WINDOWS.metadata), doc.publisher);
  // a report rejected for its tables: who published it, and for which year, is still worth knowing (document_status)
  const rejectedReport = (why: string): ExtractResult => ({ ...rejected(file, why), issuer: meta.issuer, year: meta.year, level: meta.level });
  if (!t3.found && !t4.found && !t2.found) {
    // the headings of sections 二 to 四 with nothing under them: tables printed as images, or lost by the crawl
    const codes = new Set(sections.headings.map((h) => h.code));
    if (codes.has('s2.proactive') && codes.has('s3.requests') && codes.has('s4.review_litigation')) {
      return rejectedReport('no tables: the headings of sections 二, 三 and 四 are there but no table text under them (tables printed as images, or lost by the crawl?)');
    }
    const hint = /政府信息公开/u.test(stream.text) ? ' (it mentions 政府信息公开 but has no report tables: a news page or an index?)' : '';
    return rejected(file, `not a report: no table 2, 3 or 4 of the annual report format was found${hint}`);
  }
  if (allBlank([t2.cells, t3.cells, t4.cells])) return rejectedReport('no values: every table cell is blank (an unfilled template?)');

  const format = t3.format ?? t2.format;
  const flags: Flag[] = [...t2.flags, ...t3.flags, ...t4.flags];
  flags.push(...flagImplausible('t2', t2.cells), ...flagImplausible('t3', t3.cells), ...flagImplausible('t4', t4.cells));
  if (!t2.found) flags.push({ cell: 't2', reason: 'table_not_found', detail: 'table 2 (proactive disclosure) was not found' });
  // not found, table 3's format is unknown: the rows of both are flagged
  if (!t3.found) for (const row of T3_ROWS_ANY) flags.push({ cell: `t3.${row}`, reason: 'table_not_found', detail: 'table 3 (requests) was not found' });
  if (!t4.found) flags.push({ cell: 't4', reason: 'table_not_found', detail: 'table 4 (review and litigation) was not found' });
  flags.push(...missingRows(t2, t3));
  flags.push(...unflaggedUnreadable({ t2, t3, t4 }, flags));
  const notes = [...t2.notes, ...t3.notes, ...t4.notes];
  if (t2.format && t3.format && t2.format !== t3.format) notes.push(`mixed layout: table 2 is ${t2.format}, table 3 is ${t3.format}`);
  if (meta.year === null) flags.push({ cell: 'year', reason: 'year_unknown', detail: 'no report year in the title or the text' });
  if (meta.issuer === null) flags.push({ cell: 'issuer', reason: 'issuer_unknown', detail: 'no issuing body in the title, heading or 发布机构 line' });
  if (meta.issuerInferred) {
    const from = {
      site: 'the name of the site it is published on',
      prose: 'the subject of its first sentence (一、总体情况)',
      'own-site': 'the site its text says it publishes on (我局在…官网)',
    }[meta.issuerInferred];
    flags.push({ cell: 'issuer', reason: 'issuer_inferred', detail: `the report does not name its issuer; "${meta.issuer}" is ${from}` });
  }
  const cellOf = (key: string) => {
    const [t, row, col] = key.split('.') as ['t3' | 't4', string, string];
    return ((t === 't3' ? t3.cells : t4.cells) as Grid<string, string>)[row]?.[col];
  };
  const figures = proseFigures(stream.text);
  const prose = figureChecks(
    figures,
    (key) => cellOf(key)?.value ?? null,
    flags,
    (key, value, why) => {
      const [t, row, col] = key.split('.') as ['t3' | 't4', string, string];
      const grid = (t === 't3' ? t3.cells : t4.cells) as Grid<string, string>;
      grid[row]![col] = { value, kind: 'number', raw: String(value), loc: 'prose' };
      for (let i = flags.length - 1; i >= 0; i--) if (flags[i]!.cell === key) flags.splice(i, 1);
      notes.push(`${key}: ${why}: ${value}`);
    },
  );
  const tableChecks = () => [
    ...(t2.found ? checkTable2(t2.cells, t2.format) : []),
    ...(t3.found && format ? checkTable3(t3.cells, format) : []),
    ...(t4.found ? checkTable4(t4.cells) : []),
  ];
  let checks = [...prose, ...tableChecks()];
  if (endsInDigit(bytes)) {
    const cut = cutShort(doc.blocks, { t2, t3, t4 }, checks);
    if (cut.length > 0) {
      flags.push(...cut);
      checks = [...prose, ...tableChecks()];
    }
  }
  const unsure = flags.some((f) => f.reason !== 'unit_converted');
  const published = textDate(stream.text) ?? (doc.kind === 'pdf' ? pdfDate(bytes) : null);
  return {
    file,
    status: unsure ? 'partial' : 'ok',
    issuer: meta.issuer,
    publisher: doc.publisher ?? null,
    year: meta.year,
    level: meta.level,
    format,
    t2: t2.cells,
    t3: t3.cells,
    t4: t4.cells,
    checks,
    flags: flagsPerCell(flags, format, t2.format),
    notes,
    t2Format: t2.format,
    prose: figures,
    published,
    sections: SECTION_CODES.map((code) => {
      const text = sectionText(stream, sections, code);
      // the prose sections are kept for the quality measures (copied text, empty 五/六)
      const kept = code === 's1.overview' || code === 's5.problems' || code === 's6.other' ? text : null;
      return { code, found: text !== null, text: kept, sketch: sketch(kept) };
    }),
  };
}
