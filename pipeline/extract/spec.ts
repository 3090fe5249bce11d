// The tables' declarative spec: their arithmetic identities (format-spec §6.5) as left and right
// lists of cell codes, and the windows within which the readers look for a table's parts. The
// checks (checks.ts) and the digit-run solver's constraints (table3.ts, table4.ts) both read the
// identities from here, so an identity is written once.
import { type Format, type T3Row, T3_COLS, T4_COLS, T4_GROUPS, outcomeRows } from '../codes.ts';

export type SumRule = 'V3.1' | 'V3.2' | 'V3.3' | 'V4.1';

/** sum(left) = sum(right), over canonical cell keys (`t3.granted.total`). */
export interface SumIdentity {
  rule: SumRule;
  scope: string;
  left: string[];
  right: string[];
}

const T3_PARTS = T3_COLS.slice(0, 6);
const T4_PARTS = T4_COLS.slice(0, 4);

/** V3.1 (per column: new + carried over = handled + carried forward) and V3.2 (handled = outcomes). */
export function columnIdentities(format: Format, present: (row: T3Row) => boolean = () => true): SumIdentity[] {
  const outcome = outcomeRows(format).filter(present);
  return T3_COLS.flatMap((col) => [
    { rule: 'V3.1' as const, scope: `t3.*.${col}`, left: [`t3.new_received.${col}`, `t3.carried_over.${col}`], right: [`t3.total_handled.${col}`, `t3.carried_forward.${col}`] },
    { rule: 'V3.2' as const, scope: `t3.*.${col}`, left: [`t3.total_handled.${col}`], right: outcome.map((r) => `t3.${r}.${col}`) },
  ]);
}

/** V3.3: a row's 总计 is the sum of its six applicant columns. */
export function rowIdentity(row: string): SumIdentity {
  return { rule: 'V3.3', scope: `t3.${row}.*`, left: [`t3.${row}.total`], right: T3_PARTS.map((c) => `t3.${row}.${c}`) };
}

/** V4.1: each group's 总计 is the sum of its four results. */
export function groupIdentity(group: string): SumIdentity {
  return { rule: 'V4.1', scope: `t4.${group}.*`, left: [`t4.${group}.total`], right: T4_PARTS.map((c) => `t4.${group}.${c}`) };
}

/**
 * An identity in the solver's form: terms as (row, column position) pairs, so that a reading can
 * be tested thousands of times a report without building keys. Compiled once per format.
 */
export interface CompiledSum {
  left: [string, number][];
  right: [string, number][];
  rows: Set<string>;
}

function compile(id: SumIdentity, cols: readonly string[]): CompiledSum {
  const term = (k: string): [string, number] => {
    const [, row, col] = k.split('.') as [string, string, string];
    return [row, cols.indexOf(col)];
  };
  const left = id.left.map(term);
  const right = id.right.map(term);
  return { left, right, rows: new Set([...left, ...right].map(([r]) => r)) };
}

const compiledColumns = new Map<Format, CompiledSum[]>();

/** V3.1 and V3.2 of a format in the solver's form. */
export function compiledColumnIdentities(format: Format): CompiledSum[] {
  let c = compiledColumns.get(format);
  if (!c) compiledColumns.set(format, (c = columnIdentities(format).map((id) => compile(id, T3_COLS))));
  return c;
}

/** The sum of known terms, and whether every term was known. */
function sumTerms(terms: [string, number][], get: (row: string, col: number) => number | null | undefined): { s: number; complete: boolean } {
  let s = 0;
  let complete = true;
  for (const [r, c] of terms) {
    const v = get(r, c);
    if (typeof v === 'number') s += v;
    else complete = false;
  }
  return { s, complete };
}

/**
 * Whether an identity can still hold. `get(row, col)` gives a cell's value, null for a blank,
 * undefined for a row not yet read (the solver's open choices). Cells are never negative, so known
 * parts already above a known total fail early.
 */
export function canHoldAt(id: CompiledSum, get: (row: string, col: number) => number | null | undefined): boolean {
  const l = sumTerms(id.left, get);
  const r = sumTerms(id.right, get);
  if (l.complete && r.complete) return l.s === r.s;
  if (l.complete) return r.s <= l.s;
  if (r.complete) return l.s <= r.s;
  return true;
}

/**
 * A one-row identity (V3.3 on a table 3 row, V4.1 on a table 4 group) over a reading's values by
 * position: `total` the position of the total, `parts` those of its parts.
 */
export function rowCanHold(values: (number | null)[], total: number, parts: number[]): boolean {
  let sum = 0;
  let complete = true;
  for (const p of parts) {
    const v = values[p];
    if (typeof v === 'number') sum += v;
    else complete = false;
  }
  const t = values[total];
  if (typeof t !== 'number') return true;
  return complete ? sum === t : sum <= t;
}

/** Positions of V3.3's terms in a table 3 row, and of V4.1's in table 4's fifteen cells. */
export const ROW_SUM = { total: T3_COLS.indexOf('total'), parts: T3_PARTS.map((c) => T3_COLS.indexOf(c)) };
export const GROUP_SUMS = T4_GROUPS.map((_, g) => ({ total: g * T4_COLS.length + T4_COLS.indexOf('total'), parts: T4_PARTS.map((c) => g * T4_COLS.length + T4_COLS.indexOf(c)) }));

/** Windows (characters of the flattened text) within which a table's parts are looked for. */
export const WINDOWS = {
  /** the second row label of table 3 after its first, for the first to count as the table's start */
  t3SecondLabel: 600,
  /** table 4's header words between 行政复议 and the first value */
  t4Header: 600,
  /** how far past table 3 a 行政复议 in prose may be before table 4 is given up */
  t4AfterTable3: 5000,
  /** section 五 this close after table 4's values bounds them (values split over two headers) */
  t4ValuesToSection5: 1500,
  /** the start of the text searched for the issuer and year */
  metadata: 20000,
  /** the start of the text searched for the body's own site (`我局在…局官网上`) */
  ownSite: 4000,
} as const;

/** Readings of one row's glued digits enumerated at most, before the row is called ambiguous. */
export const MAX_READINGS = 5000;
