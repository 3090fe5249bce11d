// Fuzz (issue 8): seeded mutants of the corpus fixtures never crash the extractor nor give a
// silently wrong number. What is judged how: test/fuzz-engine.ts. The long run: `npm run fuzz`.
import { beforeAll, describe, expect, it } from 'vitest';
import { count, emptyTally, formatTally, judge, KINDS, loadSources, type Mutant, mutants, type Source, type Tally } from './fuzz-engine.ts';

let sources: Source[];
const tally: Tally = emptyTally();
const bad: { m: Mutant; outcome: string; detail?: string }[] = [];

beforeAll(async () => {
  sources = await loadSources();
  for (const m of mutants(sources, 450, 20_240_601)) {
    const v = await judge(m);
    count(tally, m, v);
    if (['crash', 'internal', 'silent', 'lost'].includes(v.outcome)) bad.push({ m, outcome: v.outcome, detail: v.detail });
  }
}, 120_000);

const list = (outcomes: string[], kinds: readonly string[] = KINDS) =>
  bad.filter((b) => outcomes.includes(b.outcome) && kinds.includes(b.m.kind)).map((b) => `${b.outcome} ${b.m.kind} ${b.m.source.file} [${b.m.what}]: ${b.detail}`);

describe('fuzz: 450 seeded mutants of the corpus fixtures', () => {
  it('makes mutants of every kind', () => {
    for (const k of KINDS) expect(tally[k].n, formatTally(tally)).toBeGreaterThanOrEqual(10);
    expect(tally.digit_change.as_printed + tally.digit_swap.as_printed, 'single-cell mutations that reached a cell').toBeGreaterThan(20);
  });

  it('never crashes the extractor, never an internal error', () => {
    expect(list(['crash', 'internal']), formatTally(tally)).toEqual([]);
  });

  it('a changed digit of one cell is read as printed, or NULL and flagged, or fails a check; no other cell changes silently', () => {
    expect(list(['silent', 'lost'], ['digit_change', 'digit_swap']), formatTally(tally)).toEqual([]);
  });

  it('no other mutation changes a number silently', () => {
    expect(list(['silent']), formatTally(tally)).toEqual([]);
  });
});
