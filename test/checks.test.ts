import { describe, expect, it } from 'vitest';
import { T3_COLS } from '../pipeline/codes.ts';
import { checkTable2, checkTable3, checkTable4 } from '../pipeline/extract/checks.ts';
import type { Cell, Grid } from '../pipeline/extract/result.ts';

const n = (value: number): Cell => ({ value, kind: 'number', raw: String(value), loc: '' });
const blank: Cell = { value: null, kind: 'blank', raw: '', loc: '' };
const row = (np: number, total = np) => Object.fromEntries(T3_COLS.map((c, i) => [c, n(i === 0 ? np : i === 6 ? total : 0)]));

function t3(overrides: Record<string, Record<string, Cell>> = {}) {
  const g: Record<string, Record<string, Cell>> = {
    new_received: row(5),
    carried_over: row(1),
    granted: row(3),
    partly_granted: row(1),
    other_subtotal: row(0),
    total_handled: row(4),
    carried_forward: row(2),
    ...overrides,
  };
  return g as Grid<never, never>;
}

describe('table 3 checks', () => {
  it('passes V3.1, V3.2 and V3.3 on a table that adds up', () => {
    const checks = checkTable3(t3(), 'f2019');
    expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(checks.filter((c) => c.rule === 'V3.1' && c.status === 'pass')).toHaveLength(7);
  });
  it('fails V3.1 with the cells and numbers involved', () => {
    const checks = checkTable3(t3({ carried_forward: row(3) }), 'f2019');
    const f = checks.find((c) => c.rule === 'V3.1' && c.scope === 't3.*.natural_person')!;
    expect(f.status).toBe('fail');
    expect(f.detail).toContain('= 6');
    expect(f.detail).toContain('= 7');
    expect(f.cells).toContain('t3.carried_forward.natural_person');
  });
  it('fails V3.3 when a row does not sum to its total', () => {
    const checks = checkTable3(t3({ granted: row(3, 4) }), 'f2019');
    expect(checks.find((c) => c.rule === 'V3.3' && c.scope === 't3.granted.*')?.status).toBe('fail');
  });
  it('is not_assessable, never pass, when a cell is blank', () => {
    const checks = checkTable3(t3({ granted: { ...row(3), total: blank } }), 'f2019');
    expect(checks.find((c) => c.rule === 'V3.3' && c.scope === 't3.granted.*')?.status).toBe('not_assessable');
    expect(checks.find((c) => c.rule === 'V3.2' && c.scope === 't3.*.total')?.status).toBe('not_assessable');
    expect(checks.find((c) => c.rule === 'V3.4')?.detail).toContain('t3.granted.total');
  });
});

describe('table 4 and table 2 checks', () => {
  it('V4.1 per group', () => {
    const g = (u: number, t: number) => ({ upheld: n(u), corrected: n(0), other: n(0), pending: n(0), total: n(t) });
    const checks = checkTable4({ review: g(1, 1), lit_direct: g(2, 3), lit_after_review: g(0, 0) });
    expect(checks.map((c) => c.status)).toEqual(['pass', 'fail', 'pass']);
  });
  it('V2.2 (f2019): newly published may not exceed newly made', () => {
    const checks = checkTable2({ normative_docs: { newly_made: n(2), newly_published: n(3), published_total: n(9) } }, 'f2019');
    expect(checks[0]).toMatchObject({ rule: 'V2.2', status: 'fail' });
  });
  it('V2.3 (f2021): an implausibly large fee amount in 万元', () => {
    const checks = checkTable2({ admin_fees: { fee_amount_wan_yuan: n(96171.6) } }, 'f2021');
    expect(checks[0]).toMatchObject({ rule: 'V2.3', status: 'pass' });
    expect(checkTable2({ admin_fees: { fee_amount_wan_yuan: n(3_200_000_000) } }, 'f2021')[0]?.status).toBe('fail');
  });
});
