// The digit-run solver: every way of reading a row's chunks as exactly n values.
// Glued cells (`3000003`) are split without leading zeros; soft (space) boundaries are tried
// first as real cell boundaries and only ignored when no reading respects them.
import type { CellKind } from '../codes.ts';
import type { Chunk } from './cells.ts';

export interface Value {
  value: number | null;
  kind: CellKind;
  raw: string;
  loc: string;
  unit?: '元' | '万元';
}

export interface Segmentation {
  candidates: Value[][];
  /** true when soft boundaries had to be ignored to find any reading */
  spacingIgnored: boolean;
  /** true when the enumeration hit the limit (too many readings to list) */
  truncated: boolean;
  /** some printed run had to be split into several cells */
  split: boolean;
  /** the values were printed with spaces between some of them (so a blank cell could vanish) */
  spaced: boolean;
  /** a number cut in two by a line wrap had to be joined to find a reading */
  wrapJoined?: boolean;
}

const MAX_PART_DIGITS = 12;

/**
 * Which end of an over-long aligned row a reading took its padding from, when both were tried
 * (see segment): a table whose decided rows all agree settles its undecided ones (table3.ts).
 */
export const PADDING_END = new WeakMap<Value[], 'start' | 'end'>();

function toNumber(digits: string, sign?: string, frac?: string): number {
  const s = `${sign === '-' ? '-' : ''}${digits}${frac ? '.' + frac : ''}`;
  return Number(s);
}

function atomValue(c: Chunk): Value {
  if (c.kind !== 'number') return { value: null, kind: c.kind, raw: c.raw, loc: c.loc };
  return { value: toNumber(c.digits, c.sign, c.frac), kind: 'number', raw: c.raw, loc: c.loc, unit: c.unit };
}

const NODE_CAP = 400_000;

/**
 * Depth-first over the digits of all chunks, one number at a time: every reading as exactly `n`
 * values (numbers without leading zeros), kept when `accept` says so. `truncated` is set when the
 * search was cut short (too many nodes or readings): then the list is incomplete and proves nothing.
 */
function enumerate(chunks: Chunk[], n: number, limit: number, accept?: (v: Value[]) => boolean): { candidates: Value[][]; truncated: boolean } {
  const maxAfter: number[] = new Array(chunks.length + 1).fill(0);
  const minAfter: number[] = new Array(chunks.length + 1).fill(0);
  for (let i = chunks.length - 1; i >= 0; i--) {
    minAfter[i] = minAfter[i + 1]! + 1;
    maxAfter[i] = maxAfter[i + 1]! + (chunks[i]!.splittable ? chunks[i]!.digits.length : 1);
  }
  const candidates: Value[][] = [];
  const cur: Value[] = [];
  let nodes = 0;
  let truncated = false;
  const rec = (i: number, pos: number): void => {
    if (truncated) return;
    if (++nodes > NODE_CAP || candidates.length >= limit) {
      truncated = true;
      return;
    }
    const left = n - cur.length;
    if (i === chunks.length) {
      if (left === 0 && (!accept || accept(cur))) candidates.push(cur.slice());
      return;
    }
    const c = chunks[i]!;
    if (!c.splittable) {
      if (left < minAfter[i]! || left > maxAfter[i]!) return;
      cur.push(atomValue(c));
      rec(i + 1, 0);
      cur.pop();
      return;
    }
    const d = c.digits;
    const rest = d.length - pos;
    // this chunk still yields between 1 and `rest` numbers, the later chunks their own share
    if (left < 1 + minAfter[i + 1]! || left > rest + maxAfter[i + 1]!) return;
    const maxLen = d[pos] === '0' ? 1 : Math.min(MAX_PART_DIGITS, rest);
    for (let len = 1; len <= maxLen; len++) {
      const piece = d.slice(pos, pos + len);
      const last = pos + len === d.length;
      const first = pos === 0;
      cur.push({
        value: toNumber(piece, first ? c.sign : undefined, last ? c.frac : undefined),
        kind: 'number',
        raw: last ? piece + (c.frac ? '.' + c.frac : '') + (c.unit ?? '') : piece,
        loc: c.loc,
        unit: last ? c.unit : undefined,
      });
      if (last) rec(i + 1, 0);
      else rec(i, pos + len);
      cur.pop();
      if (truncated) return;
    }
  };
  rec(0, 0);
  return { candidates, truncated };
}

/** Merge chunks joined only by spaces into one digit run (the fallback reading). */
/** Join the numbers that a line wrap may have cut in two (`136` at a line's end, `2` next). */
function joinWraps(chunks: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const prev = out[out.length - 1];
    if (c.wrapAfterPrev && prev && prev.kind === 'number' && c.kind === 'number') {
      // (after a decimal point the second piece continues the fraction: `0.0` / `0` is 0.00)
      out[out.length - 1] = prev.frac
        ? { ...prev, frac: prev.frac + c.digits, unit: c.unit, raw: `${prev.raw}⏎${c.raw}`, splittable: false }
        : { ...prev, digits: prev.digits + c.digits, frac: c.frac, unit: c.unit, raw: `${prev.raw}⏎${c.raw}`, splittable: prev.splittable || c.splittable };
    } else out.push(c);
  }
  return out;
}

function glueSoft(chunks: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const prev = out[out.length - 1];
    if (c.softAfterPrev && prev && prev.splittable && c.splittable && !prev.frac && !prev.unit && !c.sign) {
      out[out.length - 1] = { ...prev, digits: prev.digits + c.digits, frac: c.frac, unit: c.unit, raw: `${prev.raw} ${c.raw}` };
    } else out.push(c);
  }
  return out;
}

/** Every reading of `chunks` as exactly `n` values that `accept` allows (all readings without it). */
export function segment(chunks: Chunk[], n: number, limit = 5000, accept?: (v: Value[]) => boolean): Segmentation {
  let cs = chunks;
  // Too many cells. In a rectangular table (Markdown) the values are the rightmost cells, so the
  // extra ones are the layout blanks between label and values (a label's colspan). Elsewhere they
  // are the padding and row openers of text dumps, at the end of the row (the next row's opener)
  // before its start, where a blank may be the row's first cell.
  // Empty lines read as cells go first: they may be mere spacing around a table.
  while (cs.length > n && cs[cs.length - 1]!.spacing) cs = cs.slice(0, -1);
  while (cs.length > n && cs[0]!.spacing) cs = cs.slice(1);
  // ... and between the parts of a table printed as several (a Markdown table per group of table 4)
  if (cs.length > n) {
    const kept = cs.filter((c) => !c.spacing);
    if (kept.length === n) cs = kept;
  }
  let padding: 'start' | 'end' | undefined;
  if (cs.length > n && cs.every((c) => c.aligned)) {
    let lead = cs;
    while (lead.length > n && lead[0]!.kind === 'blank') lead = lead.slice(1);
    // A converter that does not expand spans pads a short row at its end instead (`| label | v… | | |`):
    // when the extra cells may be trailing blanks as well, the row's arithmetic decides; when both
    // alignments add up to different readings, both are candidates and the table's identities (or a
    // flag) settle it.
    let trail = cs;
    while (trail.length > n && trail[trail.length - 1]!.kind === 'blank') trail = trail.slice(0, -1);
    if (accept && lead.length === n && trail.length === n && lead !== cs && trail !== cs) {
      const a = enumerate(lead, n, limit, accept);
      const b = enumerate(trail, n, limit, accept);
      const key = (v: Value[]) => v.map((x) => `${x.kind}:${x.value}`).join(',');
      const seen = new Set(a.candidates.map(key));
      // (a reading both ends give says nothing of the end)
      const inB = new Set(b.candidates.map(key));
      for (const v of a.candidates) if (!inB.has(key(v))) PADDING_END.set(v, 'start');
      for (const v of b.candidates) if (!seen.has(key(v))) PADDING_END.set(v, 'end');
      const both = [...a.candidates, ...b.candidates.filter((v) => !seen.has(key(v)))];
      if (both.length > 0 || a.truncated || b.truncated) return { candidates: both, truncated: a.truncated || b.truncated, spacingIgnored: false, split: false, spaced: false };
    }
    // only one end can hold the padding (the other ends with a value): the row shows the table's way
    if (lead.length === n && lead !== cs) padding = 'start';
    else if (trail.length === n && trail !== cs) padding = 'end';
    cs = padding === 'end' ? trail : lead;
  }
  while (cs.length > n && cs[cs.length - 1]!.weak) cs = cs.slice(0, -1);
  while (cs.length > n && cs[0]!.kind === 'blank' && !cs[0]!.sure) cs = cs.slice(1);
  const spaced = cs.some((c) => c.softAfterPrev);
  const first = enumerate(cs, n, limit, accept);
  if (padding) for (const v of first.candidates) PADDING_END.set(v, padding);
  if (first.candidates.length > 0 || first.truncated) return { candidates: first.candidates, truncated: first.truncated, spacingIgnored: false, split: n > cs.length, spaced };
  const joined = joinWraps(cs);
  if (joined.length !== cs.length) {
    const wrap = enumerate(joined, n, limit, accept);
    if (wrap.candidates.length > 0 || wrap.truncated) return { candidates: wrap.candidates, truncated: wrap.truncated, spacingIgnored: false, split: n > joined.length, spaced, wrapJoined: true };
  }
  const glued = glueSoft(cs);
  if (glued.length !== cs.length) {
    const second = enumerate(glued, n, limit, accept);
    return { candidates: second.candidates, truncated: second.truncated, spacingIgnored: second.candidates.length > 0, split: n > glued.length, spaced };
  }
  return { candidates: [], truncated: false, spacingIgnored: false, split: n > cs.length, spaced };
}
