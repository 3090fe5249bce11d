// Mutants of the corpus reports and how the extractor's answer on each is judged; shared by the
// fuzz test (test/fuzz.test.ts, a few hundred mutants) and `npm run fuzz` (scripts/fuzz.ts).
//
// A mutant is one change to one fixture: a line deleted or duplicated, one digit of one table
// cell changed, two digits of one cell swapped, one cell dropped, random bytes, control
// characters, a truncation, or one character of a label changed. The extractor's answer is
// compared with its answer on the unchanged file (the baseline):
//
// - crash: an exception out of extractBytes; internal: a rejection as `internal error`. Never.
// - a single-cell mutation (digit change or swap) has a known cell, or at least a known printed
//   value o that became n. Allowed: every other cell has its baseline value or is NULL and
//   flagged; the mutated cell has the new value n, or is NULL and flagged, or a check covering it
//   fails. Anything else is a silent misattribution. Never.
//   (A check that fails only because of the mutation and covers a changed cell makes the change
//   visible: `caught`; `other_caught` counts those where the changed cell is not the mutated one.)
// - other mutations: a cell whose number changed with no flag and no newly failing check over it
//   is a silent change; a cell that vanished (NULL or absent) without a flag is `lost`. Reported.
import fs from 'node:fs';
import path from 'node:path';
import { extractBytes } from '../pipeline/extract/extract.ts';
import type { Check, ExtractResult } from '../pipeline/extract/result.ts';
import { provenance } from '../pipeline/extract/result.ts';
import { CORPUS, flagCovers, type Gold, readGold } from './helpers.ts';
import { prng } from '../scripts/layouts/reports.ts';

export const KINDS = ['line_delete', 'line_duplicate', 'digit_change', 'digit_swap', 'cell_drop', 'random_bytes', 'control_chars', 'truncate', 'label_char'] as const;
export type Kind = (typeof KINDS)[number];

export type Outcome = 'crash' | 'internal' | 'rejected' | 'same' | 'flagged' | 'caught' | 'as_printed' | 'lost' | 'silent';

// mulberry32 (scripts/layouts/reports.ts): every run of the same seed makes the same mutants
export { prng };

export interface Source {
  file: string;
  bytes: Uint8Array;
  /** the file as text when it is UTF-8 text (HTML, text, JSON); null for PDF, DOCX */
  text: string | null;
  baseline: ExtractResult;
  cells: Map<string, number | null>;
  prov: Record<string, { raw: string; kind: string; loc: string }>;
  gold: Gold | null;
}

export interface Mutant {
  source: Source;
  kind: Kind;
  bytes: Uint8Array;
  /** single-cell mutations: the printed value before and after, and the cell when it is certain */
  digit?: { from: number; to: number; key: string | null };
  what: string;
}

/** Every table cell's value by key (`t3.granted.total`). */
export function cellValues(r: ExtractResult): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const t of ['t2', 't3', 't4'] as const) {
    for (const [row, cols] of Object.entries(r[t] as Record<string, Record<string, { value: number | null }>>)) {
      for (const [col, c] of Object.entries(cols)) out.set(`${t}.${row}.${col}`, c.value);
    }
  }
  return out;
}

/** The corpus fixtures with their baselines (the rejected blank template stays: it must stay rejected, not crash). */
export async function loadSources(dir = CORPUS): Promise<Source[]> {
  const out: Source[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    if (/\.gold\.json$|\.md$/u.test(file) || !fs.statSync(path.join(dir, file)).isFile()) continue;
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, file)));
    const decoded = new TextDecoder('utf-8').decode(bytes);
    const text = /\.(?:txt|html?|json)$/u.test(file) && !decoded.includes('\ufffd') ? decoded : null;
    const baseline = await extractBytes(file, bytes);
    const gold = dir === CORPUS && fs.existsSync(path.join(CORPUS, `${file}.gold.json`)) ? readGold(file) : null;
    out.push({ file, bytes, text, baseline, cells: cellValues(baseline), prov: provenance(baseline), gold });
  }
  return out;
}

const enc = new TextEncoder();
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const int = (rnd: () => number, n: number) => Math.floor(rnd() * n);

/** Standalone digit runs of `text` equal to `raw` (not part of a longer number, nor the digits of a signed one: `-2` is another cell's print). */
function occurrences(text: string, raw: string, from = 0, to = text.length): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(raw, from); i >= 0 && i + raw.length <= to; i = text.indexOf(raw, i + 1)) {
    const before = text[i - 1] ?? '';
    const after = text[i + raw.length] ?? '';
    if (!/[0-9.+\-]/u.test(before) && !/[0-9.]/u.test(after)) out.push(i);
  }
  return out;
}

/** The start and end offsets of line `n` (1-based) of `text`. */
function lineSpan(text: string, n: number): [number, number] | null {
  let start = 0;
  for (let i = 1; i < n; i++) {
    const j = text.indexOf('\n', start);
    if (j < 0) return null;
    start = j + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

/**
 * A printed table cell to mutate: its key, printed digits and offset in the text. The cell is
 * certain when its printed text occurs once on the line its provenance names and no other cell
 * printed the same there; otherwise only the printed value is known.
 */
function targetCell(src: Source, rnd: () => number): { key: string | null; raw: string; at: number } | null {
  const text = src.text!;
  const keys = [...Object.entries(src.prov)].filter(([k, p]) => p.kind === 'number' && /^\d+$/u.test(p.raw) && src.cells.get(k) !== null);
  for (let attempt = 0; attempt < 20 && keys.length > 0; attempt++) {
    const [key, p] = pick(rnd, keys);
    const line = /^line (\d+)/u.exec(p.loc);
    const span = line ? lineSpan(text, Number(line[1])) : null;
    const local = span ? occurrences(text, p.raw, span[0], span[1]) : [];
    if (local.length === 1) {
      const twins = keys.filter(([, q]) => q.loc === p.loc && q.raw === p.raw);
      return { key: twins.length === 1 ? key : null, raw: p.raw, at: local[0]! };
    }
    const all = local.length > 0 ? local : occurrences(text, p.raw);
    if (all.length > 0) return { key: null, raw: p.raw, at: pick(rnd, all) };
  }
  return null;
}

const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\u000b', '\f', '\r', '\u000e', '\u001b', '\u001f', '\u007f', '\u0085', '\u00a0', '\u200b', '\u2028', '\u2029', '\u3000', '\ufeff', '\ufffd'];

/** One mutant of `src` of the given kind, or null when the file has nothing to mutate that way. */
export function mutate(src: Source, kind: Kind, rnd: () => number): Mutant | null {
  const bytes = src.bytes;
  const text = src.text;
  const asText = (s: string, what: string, digit?: Mutant['digit']): Mutant => ({ source: src, kind, bytes: enc.encode(s), what, digit });
  switch (kind) {
    case 'random_bytes': {
      const out = new Uint8Array(bytes);
      const n = 1 + int(rnd, 5);
      for (let i = 0; i < n; i++) out[int(rnd, out.length)] = int(rnd, 256);
      return { source: src, kind, bytes: out, what: `${n} random bytes` };
    }
    case 'truncate': {
      const at = int(rnd, bytes.length);
      return { source: src, kind, bytes: bytes.slice(0, at), what: `cut at byte ${at} of ${bytes.length}` };
    }
  }
  if (text === null) return null;
  const lines = text.split('\n');
  switch (kind) {
    case 'line_delete': {
      const i = int(rnd, lines.length);
      return asText([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'), `line ${i + 1} deleted`);
    }
    case 'line_duplicate': {
      const i = int(rnd, lines.length);
      return asText([...lines.slice(0, i + 1), ...lines.slice(i)].join('\n'), `line ${i + 1} duplicated`);
    }
    case 'control_chars': {
      let s = text;
      const n = 1 + int(rnd, 4);
      for (let i = 0; i < n; i++) {
        const at = int(rnd, s.length);
        s = s.slice(0, at) + pick(rnd, CONTROL) + s.slice(at);
      }
      return asText(s, `${n} control characters`);
    }
    case 'label_char': {
      const cjk = [...text.matchAll(/[\u4e00-\u9fff]/gu)].map((m) => m.index!);
      if (cjk.length === 0) return null;
      const at = pick(rnd, cjk);
      const by = rnd() < 0.3 ? '' : String.fromCharCode(0x4e00 + int(rnd, 0x9fff - 0x4e00));
      return asText(text.slice(0, at) + by + text.slice(at + 1), `${text[at]} at ${at} -> ${by || '(deleted)'}`);
    }
    case 'cell_drop': {
      const t = targetCell(src, rnd);
      if (!t) return null;
      let [a, b] = [t.at, t.at + t.raw.length];
      if (/[ \t|]/u.test(text[b] ?? '')) b++;
      else if (/[ \t|]/u.test(text[a - 1] ?? '')) a--;
      return asText(text.slice(0, a) + text.slice(b), `cell ${t.key ?? '?'} (${t.raw}) dropped at ${t.at}`);
    }
    case 'digit_change':
    case 'digit_swap': {
      for (let attempt = 0; attempt < 10; attempt++) {
        const t = targetCell(src, rnd);
        if (!t) return null;
        const d = t.raw.split('');
        if (kind === 'digit_change') {
          const i = int(rnd, d.length);
          const choices = '0123456789'.split('').filter((c) => c !== d[i] && !(i === 0 && c === '0' && d.length > 1));
          d[i] = pick(rnd, choices);
        } else {
          const pairs = d.slice(1).map((_, i) => i).filter((i) => d[i] !== d[i + 1] && !(i === 0 && d[1] === '0'));
          if (pairs.length === 0) continue;
          const i = pick(rnd, pairs);
          [d[i], d[i + 1]] = [d[i + 1]!, d[i]!];
        }
        const to = d.join('');
        return asText(text.slice(0, t.at) + to + text.slice(t.at + t.raw.length), `cell ${t.key ?? '?'} ${t.raw} -> ${to} at ${t.at}`, {
          from: Number(t.raw),
          to: Number(to),
          key: t.key,
        });
      }
      return null;
    }
  }
  return null;
}

export interface Verdict {
  outcome: Outcome;
  /** what was wrong, for a silent one */
  detail?: string;
  /** the issuer or year changed (not a table cell: reported, not judged) */
  metaChanged: boolean;
  /** a single-cell mutation changed another cell too, under a check that now fails (visible, not silent) */
  otherCaught?: boolean;
}

const failing = (checks: Check[]) => new Map(checks.filter((c) => c.status === 'fail').map((c) => [`${c.rule} ${c.scope}`, c]));

/** The extractor's answer on `m` compared with its answer on the unchanged file. */
export async function judge(m: Mutant): Promise<Verdict> {
  let r: ExtractResult;
  try {
    r = await extractBytes(m.source.file, m.bytes);
  } catch (e) {
    return { outcome: 'crash', detail: (e as Error).stack ?? String(e), metaChanged: false };
  }
  if (r.status === 'rejected') return { outcome: r.error?.startsWith('internal error') ? 'internal' : 'rejected', detail: r.error, metaChanged: false };
  const src = m.source;
  const metaChanged = r.issuer !== src.baseline.issuer || r.year !== src.baseline.year;
  const after = cellValues(r);
  const before = failing(src.baseline.checks);
  // checks that fail now and did not fail (or failed otherwise) before
  const newlyFailing = [...failing(r.checks).entries()].filter(([k, c]) => before.get(k)?.detail !== c.detail).map(([, c]) => c);
  const caught = (key: string) => newlyFailing.some((c) => c.cells.includes(key));
  const flagged = (key: string) => r.flags.some((f) => flagCovers(f.cell, key));
  const gold = (key: string): number | null | undefined => {
    const [t, row, col] = key.split('.') as ['t2' | 't3' | 't4', string, string];
    return (src.gold?.[t] as Record<string, Record<string, number | null>> | null | undefined)?.[row]?.[col];
  };
  const wrong: string[] = [];
  const lost: string[] = [];
  let anyFlagged = false;
  let asPrinted = 0;
  let anyCaught = false;
  let otherCaught = false;
  const cellOf = (key: string) => {
    const [t, row, col] = key.split('.') as ['t2' | 't3' | 't4', string, string];
    return (r[t] as Record<string, Record<string, { kind: string }>>)[row]?.[col];
  };
  for (const key of new Set([...src.cells.keys(), ...after.keys()])) {
    const b = src.cells.get(key) ?? null;
    const a = after.get(key) ?? null;
    const present = after.has(key);
    if (a === b && present === src.cells.has(key)) continue;
    if (a === null) {
      if (flagged(key)) anyFlagged = true;
      else if (present && cellOf(key)?.kind !== 'unreadable' && cellOf(key)?.kind !== 'number') asPrinted++; // printed blank, / or - now
      else if (src.cells.has(key)) lost.push(`${key}: ${b} -> ${present ? 'null' : 'absent'} without a flag`);
      continue;
    }
    if (b === null) {
      // the baseline was unsure (or had no such cell): right only if it is the gold's number
      const g = gold(key);
      if (g !== undefined && g !== a && !caught(key) && !flagged(key)) wrong.push(`${key}: unsure -> ${a}, gold ${g}`);
      continue;
    }
    const d = m.digit;
    const isMutated = d !== undefined && (d.key ? d.key === key : b === d.from);
    if (isMutated && a === d.to) {
      asPrinted++;
      continue;
    }
    if (caught(key)) {
      anyCaught = true;
      if (d && !isMutated) otherCaught = true;
      continue;
    }
    wrong.push(`${key}: ${b} -> ${a}`);
  }
  if (m.digit && asPrinted > 1) wrong.push(`${asPrinted} cells read the mutated value`);
  if (wrong.length > 0) return { outcome: 'silent', detail: [...wrong, ...lost].join('; '), metaChanged, otherCaught };
  if (lost.length > 0) return { outcome: 'lost', detail: lost.join('; '), metaChanged, otherCaught };
  return { outcome: anyCaught ? 'caught' : asPrinted ? 'as_printed' : anyFlagged ? 'flagged' : 'same', metaChanged, otherCaught };
}

/** The mutants of one run: `n` of them, kinds and sources in turn, from `seed`. */
export function* mutants(sources: Source[], n: number, seed: number): Generator<Mutant> {
  const rnd = prng(seed);
  let made = 0;
  for (let i = 0; made < n && i < n * 20; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const src = pick(rnd, sources);
    const m = mutate(src, kind, rnd);
    if (m) {
      made++;
      yield m;
    }
  }
}

export type Tally = Record<Kind, Record<Outcome | 'other_caught' | 'meta_changed' | 'n', number>>;

export function emptyTally(): Tally {
  const row = () => ({ n: 0, crash: 0, internal: 0, rejected: 0, same: 0, flagged: 0, caught: 0, as_printed: 0, lost: 0, silent: 0, other_caught: 0, meta_changed: 0 });
  return Object.fromEntries(KINDS.map((k) => [k, row()])) as Tally;
}

export function count(t: Tally, m: Mutant, v: Verdict): void {
  const row = t[m.kind];
  row.n++;
  row[v.outcome]++;
  if (v.metaChanged) row.meta_changed++;
  if (v.otherCaught) row.other_caught++;
}

/** The tally as an aligned text table, with a total row. */
export function formatTally(t: Tally): string {
  const cols = ['n', 'crash', 'internal', 'rejected', 'same', 'flagged', 'as_printed', 'caught', 'other_caught', 'lost', 'silent', 'meta_changed'] as const;
  const rows = KINDS.map((k) => [k, ...cols.map((c) => String(t[k][c]))]);
  rows.push(['total', ...cols.map((c) => String(KINDS.reduce((s, k) => s + t[k][c], 0)))]);
  const head = ['mutation', ...cols];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((x, i) => (i === 0 ? x.padEnd(w[i]!) : x.padStart(w[i]!))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}
