// The declarative table specs (pipeline/extract/tablespec.ts) agree with the canonical codes and
// drive the checks: a row, column or identity missing from the data would show here.
import { describe, expect, it } from 'vitest';
import { FORMATS, T2_LAYOUT, T3_COLS } from '../pipeline/codes.ts';
import { checkTable3, checkTable4 } from '../pipeline/extract/checks.ts';
import { TABLE_SPECS } from '../pipeline/extract/tablespec.ts';
import type { Grid } from '../pipeline/extract/result.ts';

const cell = (value: number) => ({ value, kind: 'number' as const, raw: String(value), loc: '' });

describe.each(FORMATS)('table specs, %s', (format) => {
  it('table 3: every printed row has a label, and every identity term is a printed cell', () => {
    const spec = TABLE_SPECS.t3[format];
    const labelled = new Set(spec.rows.map((l) => l.row));
    expect(spec.printedRows.filter((r) => !labelled.has(r))).toEqual([]);
    for (const id of spec.identities) {
      for (const key of [...id.left, ...id.right]) {
        const [t, row, col] = key.split('.');
        expect(t).toBe('t3');
        expect(spec.printedRows).toContain(row);
        expect(T3_COLS).toContain(col);
      }
    }
  });

  it('table 3: the checks evaluate exactly the spec identities (one per V3.1/V3.2 column, one V3.3 per row)', () => {
    const spec = TABLE_SPECS.t3[format];
    const grid = Object.fromEntries(spec.printedRows.map((r) => [r, Object.fromEntries(T3_COLS.map((c) => [c, cell(0)]))])) as Grid<string, string>;
    const checks = checkTable3(grid as never, format).filter((c) => c.rule !== 'V3.4');
    expect(checks.map((c) => `${c.rule} ${c.scope}`).sort()).toEqual(spec.identities.map((i) => `${i.rule} ${i.scope}`).sort());
    expect(checks.every((c) => c.status === 'pass')).toBe(true);
  });

  it('table 2: rows and columns are the layout of the format, and its format words are its own', () => {
    const spec = TABLE_SPECS.t2[format];
    expect(spec.rows.map((l) => l.row).sort()).toEqual(Object.keys(T2_LAYOUT[format]).sort());
    for (const r of spec.printedRows) expect(spec.columns(r)).toEqual(T2_LAYOUT[format][r]);
    const other = TABLE_SPECS.t2[format === 'f2021' ? 'f2019' : 'f2021'];
    expect(spec.formatWords.filter((w) => other.formatWords.includes(w))).toEqual([]);
  });

  it('table 4: fifteen cells, three group identities the checks evaluate', () => {
    const spec = TABLE_SPECS.t4[format];
    const cols = spec.columns('cases');
    expect(cols).toHaveLength(15);
    const grid: Record<string, Record<string, ReturnType<typeof cell>>> = {};
    for (const c of cols) {
      const [g, col] = c.split('.') as [string, string];
      (grid[g] ??= {})[col] = cell(col === 'total' ? 4 : 1);
    }
    const checks = checkTable4(grid as never);
    expect(checks.map((c) => c.scope)).toEqual(spec.identities.map((i) => i.scope));
    expect(checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass']);
  });
});
