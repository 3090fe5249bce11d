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
}

const MAX_PART_DIGITS = 12;

function toNumber(digits: string, sign?: string, frac?: string): number {
  const s = `${sign === '-' ? '-' : ''}${digits}${frac ? '.' + frac : ''}`;
  return Number(s);
}

function atomValue(c: Chunk): Value {
  if (c.kind !== 'number') return { value: null, kind: c.kind, raw: c.raw, loc: c.loc };
  return { value: toNumber(c.digits, c.sign, c.frac), kind: 'number', raw: c.raw, loc: c.loc, unit: c.unit };
}

/** All ways to split one digit chunk into `parts` numbers without leading zeros. */
function splits(c: Chunk, parts: number, limit: number): Value[][] {
  const d = c.digits;
  const out: Value[][] = [];
  const cur: Value[] = [];
  const rec = (pos: number, left: number) => {
    if (out.length >= limit) return;
    if (left === 1) {
      const piece = d.slice(pos);
      if (piece.length === 0 || piece.length > MAX_PART_DIGITS) return;
      if (piece.length > 1 && piece[0] === '0') return;
      const first = cur.length === 0;
      cur.push({
        value: toNumber(piece, first ? c.sign : undefined, c.frac),
        kind: 'number',
        raw: piece + (c.frac ? '.' + c.frac : '') + (c.unit ?? ''),
        loc: c.loc,
        unit: c.unit,
      });
      out.push(cur.slice());
      cur.pop();
      return;
    }
    const maxLen = d[pos] === '0' ? 1 : Math.min(MAX_PART_DIGITS, d.length - pos - (left - 1));
    for (let len = 1; len <= maxLen; len++) {
      const piece = d.slice(pos, pos + len);
      const first = cur.length === 0;
      cur.push({ value: toNumber(piece, first ? c.sign : undefined), kind: 'number', raw: piece, loc: c.loc });
      rec(pos + len, left - 1);
      cur.pop();
    }
  };
  rec(0, parts);
  return out;
}

function enumerate(chunks: Chunk[], n: number, limit: number): { candidates: Value[][]; truncated: boolean } {
  const maxAfter: number[] = new Array(chunks.length + 1).fill(0);
  const minAfter: number[] = new Array(chunks.length + 1).fill(0);
  for (let i = chunks.length - 1; i >= 0; i--) {
    const c = chunks[i]!;
    minAfter[i] = minAfter[i + 1]! + 1;
    maxAfter[i] = maxAfter[i + 1]! + (c.splittable ? c.digits.length : 1);
  }
  const candidates: Value[][] = [];
  let truncated = false;
  const cur: Value[] = [];
  // the ways to split chunk i into p numbers do not depend on the choices before it
  const memo = new Map<number, Value[][]>();
  const splitsOf = (i: number, p: number) => {
    const key = i * 64 + p;
    let got = memo.get(key);
    if (!got) memo.set(key, (got = splits(chunks[i]!, p, limit)));
    return got;
  };
  const rec = (i: number) => {
    if (candidates.length >= limit) {
      truncated = true;
      return;
    }
    const left = n - cur.length;
    if (i === chunks.length) {
      if (left === 0) candidates.push(cur.slice());
      return;
    }
    if (left < minAfter[i]! || left > maxAfter[i]!) return;
    const c = chunks[i]!;
    if (!c.splittable) {
      cur.push(atomValue(c));
      rec(i + 1);
      cur.pop();
      return;
    }
    const maxParts = Math.min(c.digits.length, left - minAfter[i + 1]!);
    for (let p = 1; p <= maxParts; p++) {
      for (const parts of splitsOf(i, p)) {
        cur.push(...parts);
        rec(i + 1);
        cur.length -= parts.length;
        if (truncated) return;
      }
    }
  };
  rec(0);
  return { candidates, truncated };
}

/** Merge chunks joined only by spaces into one digit run (the fallback reading). */
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

/**
 * Every reading of `chunks` as exactly `n` values. Blank cells beyond what fits are dropped from
 * the front (layout cells before the values).
 */
export function segment(chunks: Chunk[], n: number, limit = 5000): Segmentation {
  let cs = chunks;
  while (cs.length > n && cs[0]!.kind === 'blank') cs = cs.slice(1);
  const spaced = cs.some((c) => c.softAfterPrev);
  const first = enumerate(cs, n, limit);
  if (first.candidates.length > 0) return { ...first, spacingIgnored: false, split: n > cs.length, spaced };
  const glued = glueSoft(cs);
  if (glued.length !== cs.length) {
    const second = enumerate(glued, n, limit);
    return { ...second, spacingIgnored: second.candidates.length > 0, split: n > glued.length, spaced };
  }
  return { candidates: [], truncated: false, spacingIgnored: false, split: false, spaced };
}
