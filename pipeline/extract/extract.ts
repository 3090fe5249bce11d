// One report file in, one checked result out. Pure apart from reading the bytes it is given.
import { SECTION_CODES } from '../codes.ts';
import { toStream } from './blocks.ts';
import { checkTable2, checkTable3, checkTable4 } from './checks.ts';
import { extractMeta } from './metadata.ts';
import { RejectError, readDocument } from './readers/index.ts';
import { flagsPerCell } from './coverage.ts';
import { WINDOWS } from './spec.ts';
import { flagImplausible } from './plausible.ts';
import { figureChecks, proseFigures } from './prose.ts';
import { pdfDate, textDate } from './published.ts';
import { locateSections, sectionText } from './sections.ts';
import { type ExtractResult, type Flag, type Grid, rejected } from './result.ts';
import { extractTable2 } from './table2.ts';
import { extractTable3 } from './table3.ts';
import { extractTable4 } from './table4.ts';

function allBlank(grids: object[]): boolean {
  for (const g of grids) {
    for (const cols of Object.values(g)) {
      for (const cell of Object.values(cols as object)) if ((cell as { kind: string }).kind === 'number') return false;
    }
  }
  return true;
}

/** `read`: the readers (a parameter so that a test can plant a reader bug). */
export async function extractBytes(file: string, bytes: Uint8Array, read: typeof readDocument = readDocument): Promise<ExtractResult> {
  let doc;
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
  const sections = locateSections(stream);
  const t3 = extractTable3(stream, sections.t3);
  const t4 = extractTable4(stream, t3.found ? t3.end : 0, t3.glued);
  const t2 = extractTable2(stream, sections.t2);

  if (!t3.found && !t4.found && !t2.found) {
    const hint = /政府信息公开/u.test(stream.text) ? ' (it mentions 政府信息公开 but has no report tables: a news page or an index?)' : '';
    return rejected(file, `not a report: no table 2, 3 or 4 of the annual report format was found${hint}`);
  }
  if (allBlank([t2.cells, t3.cells, t4.cells])) {
    return rejected(file, 'no values: every table cell is blank (an unfilled template?)');
  }

  const meta = extractMeta(doc.titles, stream.text.slice(0, WINDOWS.metadata), doc.publisher);
  const format = t3.format ?? t2.format;
  const flags: Flag[] = [...t2.flags, ...t3.flags, ...t4.flags];
  flags.push(...flagImplausible('t2', t2.cells), ...flagImplausible('t3', t3.cells), ...flagImplausible('t4', t4.cells));
  if (!t3.found) flags.push({ cell: 't3', reason: 'table_not_found', detail: 'table 3 (requests) was not found' });
  if (!t4.found) flags.push({ cell: 't4', reason: 'table_not_found', detail: 'table 4 (review and litigation) was not found' });
  const notes = [...t2.notes, ...t3.notes, ...t4.notes];
  if (t2.format && t3.format && t2.format !== t3.format) notes.push(`mixed layout: table 2 is ${t2.format}, table 3 is ${t3.format}`);
  if (meta.year === null) flags.push({ cell: 'year', reason: 'year_unknown', detail: 'no report year in the title or the text' });
  if (meta.issuer === null) flags.push({ cell: 'issuer', reason: 'issuer_unknown', detail: 'no issuing body in the title, heading or 发布机构 line' });
  if (meta.issuerInferred) {
    const from = meta.issuerInferred === 'site' ? 'the name of the site it is published on' : 'the subject of its first sentence (一、总体情况)';
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
  const checks = [
    ...prose,
    ...(t2.found ? checkTable2(t2.cells, t2.format) : []),
    ...(t3.found && format ? checkTable3(t3.cells, format) : []),
    ...(t4.found ? checkTable4(t4.cells) : []),
  ];
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
      return { code, found: text !== null, text: code === 's1.overview' || code === 's5.problems' || code === 's6.other' ? text : null };
    }),
  };
}
