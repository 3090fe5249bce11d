// The typed result of extracting one report file; `toContract` gives the stable JSON line.
import type { ProseFigure } from './prose.ts';
import type { PublishedDate } from './published.ts';
import type { SectionCode, CellKind, CheckRule, CheckStatus, FlagReason, Format, Level, T2Col, T2Row, T3Col, T3Row, T4Col, T4Group } from '../codes.ts';

/** One printed cell with where it was read. `value` is null for blank, `/`, `-`, `无` and unsure cells. */
export interface Cell {
  value: number | null;
  kind: CellKind;
  raw: string;
  loc: string;
}

export type Grid<R extends string, C extends string> = Partial<Record<R, Partial<Record<C, Cell>>>>;

export interface Flag {
  /** canonical cell key such as `t3.granted.total`, or a table key such as `t3` */
  cell: string;
  reason: FlagReason;
  detail: string;
  candidates?: (number | null)[];
}

export interface Check {
  rule: CheckRule;
  scope: string;
  status: CheckStatus;
  detail: string;
  cells: string[];
}

export interface TableResult<R extends string, C extends string> {
  cells: Grid<R, C>;
  flags: Flag[];
  /** repairs made with certainty (for example a glued run read by the table's arithmetic) */
  notes: string[];
}

export interface ExtractResult {
  file: string;
  status: 'ok' | 'partial' | 'rejected';
  error?: string;
  issuer: string | null;
  /** the 发布机构 line as printed, when the page has one */
  publisher: string | null;
  year: number | null;
  level: Level | null;
  format: Format | null;
  t2: Grid<T2Row, T2Col>;
  t3: Grid<T3Row, T3Col>;
  t4: Grid<T4Group, T4Col>;
  checks: Check[];
  flags: Flag[];
  notes: string[];
  /** the format of table 2 where it differs from table 3's (mixed layouts exist) */
  t2Format: Format | null;
  /** the figures restated in the prose (the P checks), kept so the checks can be recomputed after a correction */
  prose: ProseFigure[];
  /** the publication date the file carries (发布时间, PDF CreationDate), with where it was read */
  published: PublishedDate | null;
  /** each of the six sections: whether its heading was found, and the text of 一, 五 and 六 */
  sections: { code: SectionCode; found: boolean; text: string | null; sketch: number[] }[];
}

function values<R extends string, C extends string>(g: Grid<R, C>): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const [row, cols] of Object.entries(g) as [string, Record<string, Cell>][]) {
    out[row] = {};
    for (const [col, cell] of Object.entries(cols)) out[row]![col] = cell.value;
  }
  return out;
}

/** Where each cell was read: `t3.granted.total` -> its printed text, kind and position. */
export function provenance(r: ExtractResult): Record<string, { raw: string; kind: string; loc: string }> {
  const out: Record<string, { raw: string; kind: string; loc: string }> = {};
  for (const t of ['t2', 't3', 't4'] as const) {
    for (const [row, cols] of Object.entries(r[t] as Record<string, Record<string, Cell>>)) {
      for (const [col, c] of Object.entries(cols)) out[`${t}.${row}.${col}`] = { raw: c.raw, kind: c.kind, loc: c.loc };
    }
  }
  return out;
}

/** The stable one-line JSON contract of `xxgk extract --json` (`provenance` only when asked for). */
export function toContract(r: ExtractResult, withProvenance = false): Record<string, unknown> {
  return {
    file: r.file,
    status: r.status,
    ...(r.error ? { error: r.error } : {}),
    issuer: r.issuer,
    year: r.year,
    level: r.level,
    format: r.format,
    t2: values(r.t2),
    t3: values(r.t3),
    t4: values(r.t4),
    checks: r.checks.map(({ rule, scope, status, detail }) => ({ rule, scope, status, detail })),
    flags: r.flags,
    notes: r.notes,
    published: r.published,
    ...(withProvenance ? { provenance: provenance(r) } : {}),
  };
}

export function rejected(file: string, error: string): ExtractResult {
  return {
    file,
    status: 'rejected',
    error,
    issuer: null,
    publisher: null,
    year: null,
    level: null,
    format: null,
    t2: {},
    t3: {},
    t4: {},
    checks: [],
    flags: [],
    notes: [],
    t2Format: null,
    prose: [],
    published: null,
    sections: [],
  };
}
