// Reading one row of a table with its own arithmetic (a row sum, or table 4's group totals).
import type { Chunk } from './cells.ts';
import type { Flag } from './result.ts';
import { segment, type Value } from './segment.ts';
import { MAX_READINGS } from './spec.ts';

export interface RowReading {
  candidates: Value[][];
  flag?: Omit<Flag, 'cell'>;
  /** a certain reading worth telling (kept as printed although it does not add up) */
  note?: string;
  /** the readings disregard the printed spaces between digits (they glue spaced numbers together) */
  spacingIgnored?: boolean;
}

/**
 * The readings of a row's chunks as `n` cells that add up. When none adds up, the row is taken as
 * printed if it has exactly one reading: printed cell by cell, or one glued run without spaces
 * (`2000000`) that only one split fits; the failed check then shows the printed error. A spaced
 * split that does not add up may have lost a blank cell, so nothing is taken.
 */
/** A printed run that cannot be one number: a leading zero (`01`, `00000002`) proves gluing. */
export const gluedProof = (c: Chunk) => c.splittable && c.digits.length > 1 && c.digits.startsWith('0');

/** A lone cell of bare digits, at least one for each of the row's `n` cells. */
const wholeRowRun = (c: Chunk, n: number) => c.kind === 'number' && !c.splittable && n > 1 && /^\d+$/u.test(c.raw) && c.digits.length >= n;

/**
 * The number of printed values when a row reaches `n` cells only by taking a dump's `||` padding
 * after its last value (readers/bars.ts) as cells; else 0.
 */
function paddedShort(chunks: Chunk[], n: number): number {
  let last = chunks.length - 1;
  let bare = 0;
  for (; last >= 0 && chunks[last]!.kind === 'blank' && chunks[last]!.weak; last--) if (chunks[last]!.bare) bare++;
  if (bare === 0) return 0;
  let room = chunks.length - 1 - last - bare;
  let values = 0;
  for (let i = 0; i <= last; i++) {
    const c = chunks[i]!;
    room += c.splittable ? c.digits.length : 1;
    if (c.kind !== 'blank') values++;
  }
  return room < n && values > 0 ? values : 0;
}

/** `gluedTable`: some run of the table proves that its digits are glued (see gluedProof). */
export function readRow(chunks: Chunk[], n: number, ok: (v: Value[]) => boolean, what: string, gluedTable = true): RowReading {
  // (only a flag or a note prints the row's text: built when one does)
  let rawText: string | undefined;
  const raw = () => (rawText ??= chunks.map((c) => c.raw).join(' '));
  // An unreadable piece at a line's end (`l`) and a number starting the next (`84`) may be one
  // number cut by the wrap or two cells: the row's arithmetic cannot tell, as one of them is unknown.
  const cut = chunks.findIndex((c, i) => c.wrapAfterPrev && chunks[i - 1]?.kind === 'unreadable');
  if (cut > 0) {
    return { candidates: [], flag: { reason: 'ambiguous', detail: `"${chunks[cut - 1]!.raw}" at a line's end and "${chunks[cut]!.raw}" after it may be one number cut by a line wrap or two cells, and "${chunks[cut - 1]!.raw}" is not a number: "${raw()}" left blank` } };
  }
  // a page of one cell per line that prints a whole row as one run (`0000000` under seven
  // columns): no single cell holds a million requests, so the run is the row's cells glued
  if (chunks.length === 1 && wholeRowRun(chunks[0]!, n)) chunks = [{ ...chunks[0]!, splittable: true }];
  // Values, then only a dump's bar padding (`| 0 | ||||||||`): the padding has to stand for the
  // row's other cells, but a spanned cell or a crawl that lost cells prints the same bars, so which
  // columns the values are (and whether the rest is blank) cannot be told.
  const padded = paddedShort(chunks, n);
  if (padded > 0) {
    return {
      candidates: [],
      flag: { reason: 'ambiguous', detail: `"${raw()}" prints ${padded} value${padded > 1 ? 's' : ''} for the ${n} cells, then only bar padding: which cells they are cannot be told; left blank` },
    };
  }
  const adding = segment(chunks, n, MAX_READINGS, ok);
  if (adding.truncated) {
    return { candidates: [], flag: { reason: 'ambiguous', detail: `too many readings of the glued digits "${raw()}" to decide; left blank` } };
  }
  // Fewer values printed with spaces between them than there are cells, in a table with no run
  // that proves digits were glued (a leading zero, `01`): a blank cell may just as well have
  // vanished, and the arithmetic cannot see blanks, so a split that adds up proves nothing.
  // A printed run split into several cells is only as good as the sum that confirms it: beside a
  // cell that cannot be read (`l5653`) the sum confirms nothing, and `353` would become 3, 5, 3.
  if (adding.candidates.length > 0 && adding.split && chunks.some((c) => c.kind === 'unreadable')) {
    return { candidates: [], flag: { reason: 'ambiguous', detail: `"${raw()}" has fewer values than the ${n} cells and one that cannot be read: a split of its digits cannot be checked; left blank` } };
  }
  if (adding.candidates.length > 0 && adding.split && adding.spaced && !gluedTable) {
    return {
      candidates: [],
      flag: { reason: 'ambiguous', detail: `"${raw()}" prints fewer values than the ${n} cells: a blank cell may have vanished or digits were glued; left blank` },
    };
  }
  if (adding.candidates.length > 0) {
    const spacing = adding.spacingIgnored ? { spacingIgnored: true } : {};
    return adding.wrapJoined ? { candidates: adding.candidates, note: `a number cut by a line wrap was joined: "${raw()}"`, ...spacing } : { candidates: adding.candidates, ...spacing };
  }
  const all = segment(chunks, n, MAX_READINGS);
  // (not when a line wrap runs through the row: it may have cut a number in two)
  const wrapped = chunks.some((c) => c.wrapAfterPrev);
  // (nor when a blank may be layout, an empty line or a dump's padding: then the cells were not
  // printed one by one, and the blank may stand for one that vanished elsewhere in the row)
  // (nor when a blank is a PDF's empty column at that line: a cell of two lines, `4` / `(注)`, puts
  // its number on another line than the row's label, and the row then prints a blank there)
  const layoutBlank = chunks.some((c) => c.layoutBlank || (c.kind === 'blank' && (c.weak || c.spacing)));
  if (all.candidates.length === 1 && !all.truncated && !wrapped && !layoutBlank && (!all.split || (!all.spaced && !all.spacingIgnored))) {
    const note = all.split ? `${what === 'its total' ? 'the row' : 'the run'} "${raw()}" has one reading, which does not add up to ${what}: kept as printed` : undefined;
    return { candidates: all.candidates, ...(note ? { note } : {}) };
  }
  if (all.candidates.length === 0 && !all.truncated) {
    const reason = chunks.some((c) => c.kind === 'unreadable') ? 'unreadable' : 'unsatisfiable';
    return { candidates: [], flag: { reason, detail: `cannot read ${n} cells from "${raw()}" (${chunks.length} pieces)` } };
  }
  return {
    candidates: [],
    flag: { reason: 'unsatisfiable', detail: `no reading of "${raw()}" as ${n} cells adds up to ${what}; left blank` },
  };
}
