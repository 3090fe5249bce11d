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

export const T4_IDENTITIES: SumIdentity[] = T4_GROUPS.map(groupIdentity);

/**
 * Whether an identity can still hold. `get` gives a cell's value, null for a blank, undefined for
 * a cell not yet read (the solver's open choices). Cells are never negative, so known parts
 * already above a known total fail early.
 */
export function canHold(id: SumIdentity, get: (key: string) => number | null | undefined): boolean {
  const sum = (keys: string[]) => {
    let s = 0;
    let complete = true;
    for (const k of keys) {
      const v = get(k);
      if (typeof v === 'number') s += v;
      else complete = false;
    }
    return { s, complete };
  };
  const l = sum(id.left);
  const r = sum(id.right);
  if (l.complete && r.complete) return l.s === r.s;
  if (l.complete && !r.complete) return r.s <= l.s;
  if (r.complete && !l.complete) return l.s <= r.s;
  return true;
}

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
} as const;

/** Readings of one row's glued digits enumerated at most, before the row is called ambiguous. */
export const MAX_READINGS = 5000;
