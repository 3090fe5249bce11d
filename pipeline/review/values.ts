// What a reviewer may write as a corrected cell, and which cell codes exist: the checks shared by
// `xxgk correct` (its input) and the load (the corrections file), so both say the same thing.
import {
  type CellKind,
  type Format,
  T2_LAYOUT,
  type T2Col,
  type T2Row,
  T3_COLS,
  T3_ROWS,
  T3_ROWS_F2019,
  T3_ROWS_F2021,
  T4_COLS,
  T4_GROUPS,
} from '../codes.ts';

/** A corrected cell: a number (value set) or one of the printed markers, which stay apart from 0. */
export interface Corrected {
  kind: Exclude<CellKind, 'unreadable'>;
  value: number | null;
  /** canonical text: the number as written, `blank`, `/`, `-` or `无` */
  text: string;
}

/** Words for a cell printed empty (an empty corrected_value means "no correction"). */
const BLANK_WORDS = new Set(['blank', '空白', '(空白)', '（空白）', '(blank)']);

/** t2 columns whose values may be decimal (money) or signed (the f2019 change in items). */
const DECIMAL_T2: ReadonlySet<string> = new Set(['fee_amount_wan_yuan', 'procurement_amount']);
const SIGNED_T2: ReadonlySet<string> = new Set(['items_change']);

/** Every canonical cell code (`t3.new_received.total`), in the dictionary's terms (format-spec §6). */
export function isCellCode(cell: string): boolean {
  const [t, row, col, extra] = cell.split('.');
  if (extra !== undefined || !row || !col) return false;
  if (t === 't3') return (T3_ROWS as readonly string[]).includes(row) && (T3_COLS as readonly string[]).includes(col);
  if (t === 't4') return (T4_GROUPS as readonly string[]).includes(row) && (T4_COLS as readonly string[]).includes(col);
  if (t === 't2') return (['f2019', 'f2021'] as const).some((f) => (T2_LAYOUT[f][row as T2Row] as readonly string[] | undefined)?.includes(col));
  return false;
}

/** Why a valid code is not a cell of a report printed in `format` (table 3's) / `t2Format`, or null. */
export function formatProblem(cell: string, format: Format | null, t2Format: Format | null): string | null {
  const [t, row, col] = cell.split('.') as [string, string, string];
  if (t === 't3' && format) {
    const rows: readonly string[] = format === 'f2021' ? T3_ROWS_F2021 : T3_ROWS_F2019;
    if (!rows.includes(row)) return `${cell} is not a cell of this report's table 3 layout (${format})`;
  }
  const f2 = t2Format ?? format;
  if (t === 't2' && f2 && !(T2_LAYOUT[f2][row as T2Row] as readonly T2Col[] | undefined)?.includes(col as T2Col)) {
    return `${cell} is not a cell of this report's table 2 layout (${f2})`;
  }
  return null;
}

/**
 * The corrected value as written: a number, or `blank` / 空白, `/`, `-`, `无`. Returns the reading,
 * `null` when the text is empty (no correction on that row), or an error saying what is wrong.
 */
export function parseCorrected(cell: string, written: unknown): Corrected | null | { error: string } {
  if (written === null || written === undefined) return null;
  if (typeof written === 'number') written = String(written);
  if (typeof written !== 'string') return { error: `corrected_value for ${cell} is not text or a number (a formula? write the value itself)` };
  // full-width digits and signs as typed with a Chinese input method; an apostrophe that a
  // spreadsheet (or our own formula-safe CSV) put before a marker
  const t = written.normalize('NFKC').trim().replace(/^'/u, '').trim();
  if (t === '') return null;
  if (BLANK_WORDS.has(t.toLowerCase())) return { kind: 'blank', value: null, text: 'blank' };
  if (/^[/\\]$/u.test(t)) return { kind: 'slash', value: null, text: '/' };
  if (/^[-—–－]+$/u.test(t)) return { kind: 'dash', value: null, text: '-' };
  if (t === '无') return { kind: 'none_word', value: null, text: '无' };
  if (!/^[+-]?\d+(?:\.\d+)?$/u.test(t)) {
    return { error: `corrected_value "${t}" for ${cell} is not a number (write a number, or blank, /, - or 无 for a cell printed that way)` };
  }
  const value = Number(t);
  const col = cell.split('.')[2] ?? '';
  const decimal = cell.startsWith('t2.') && DECIMAL_T2.has(col);
  const signed = cell.startsWith('t2.') && SIGNED_T2.has(col);
  if (!decimal && !Number.isInteger(value)) return { error: `corrected_value "${t}" for ${cell} must be a whole number (a count)` };
  if (!signed && value < 0) return { error: `corrected_value "${t}" for ${cell} must not be negative (a count)` };
  if (Math.abs(value) > 1e9) return { error: `corrected_value "${t}" for ${cell} is implausibly large (above 10^9)` };
  return { kind: 'number', value, text: String(value) };
}

/** A stored or extracted cell as the reviewer sees it: the number, `blank`, `/`, `-`, `无`, `unreadable`; '' when not read. */
export function cellText(value: number | null, kind: string | null): string {
  if (kind === null) return '';
  if (kind === 'number') return value === null ? 'unreadable' : String(value);
  return { blank: 'blank', slash: '/', dash: '-', none_word: '无', unreadable: 'unreadable' }[kind] ?? kind;
}
