// The arithmetic identities of format-spec §6.5 (declared in spec.ts), each with pass / fail /
// not_assessable.
import { type Format, type T2Col, type T2Row, type T3Col, type T3Row, T4_GROUPS, type T4Col, type T4Group } from '../codes.ts';
import type { Check, Grid } from './result.ts';
import { type SumIdentity, columnIdentities, groupIdentity, rowIdentity } from './spec.ts';

// A format's column identities for the rows a report prints: reports print the same rows, so
// the lists are built once per (format, rows) rather than per report.
const columnIdsFor = new Map<string, SumIdentity[]>();
function columnIdsOf(format: Format, t3: Grid<T3Row, T3Col>): SumIdentity[] {
  const key = `${format}:${Object.keys(t3).join(',')}`;
  let ids = columnIdsFor.get(key);
  if (!ids) {
    if (columnIdsFor.size > 256) columnIdsFor.clear();
    columnIdsFor.set(key, (ids = columnIdentities(format, (r) => t3[r] !== undefined)));
  }
  return ids;
}
const rowIds = new Map<string, SumIdentity>();
function rowIdOf(row: string): SumIdentity {
  let id = rowIds.get(row);
  if (!id) rowIds.set(row, (id = rowIdentity(row)));
  return id;
}

// each identity's cells as [row, col], split once (the identities are the spec's few hundred)
const partsOf = new WeakMap<SumIdentity, [string, string][]>();

function sumCheck(id: SumIdentity, grid: Grid<string, string>): Check {
  const { rule, scope, left, right } = id;
  const cells = [...left, ...right];
  let parts = partsOf.get(id);
  if (!parts) partsOf.set(id, (parts = cells.map((c) => c.split('.').slice(1, 3) as [string, string])));
  const values = parts.map(([row, col]) => grid[row]?.[col]?.value ?? null);
  let missing: string[] | null = null;
  let l = 0;
  let r = 0;
  for (let i = 0; i < cells.length; i++) {
    const v = values[i]!;
    if (v === null) (missing ??= []).push(cells[i]!);
    else if (i < left.length) l += v;
    else r += v;
  }
  if (missing) {
    return { rule, scope, status: 'not_assessable', detail: `no value in ${missing.join(', ')}`, cells };
  }
  const text = (from: number, to: number) =>
    cells
      .slice(from, to)
      .map((c, i) => `${c.split('.').slice(1).join('.')}=${values[from + i]}`)
      .join(' + ');
  return {
    rule,
    scope,
    status: l === r ? 'pass' : 'fail',
    detail: l === r ? `${l} = ${r}` : `${text(0, left.length)} = ${l} but ${text(left.length, cells.length)} = ${r}`,
    cells,
  };
}

export function checkTable3(t3: Grid<T3Row, T3Col>, format: Format): Check[] {
  const checks: Check[] = [];
  for (const id of columnIdsOf(format, t3)) checks.push(sumCheck(id, t3));
  for (const row of Object.keys(t3) as T3Row[]) checks.push(sumCheck(rowIdOf(row), t3));
  const bad: string[] = [];
  // (only the first 12 blank cells are named: the others are counted)
  const blank: string[] = [];
  let blanks = 0;
  for (const row in t3) {
    const cols = t3[row as T3Row] ?? {};
    for (const col in cols) {
      const cell = cols[col as T3Col]!;
      if (cell.kind === 'number' && (cell.value! < 0 || !Number.isInteger(cell.value))) bad.push(`t3.${row}.${col}=${cell.raw}`);
      if (cell.kind !== 'number' && cell.kind !== 'unreadable' && blanks++ < 12) blank.push(`t3.${row}.${col}${cell.raw ? `="${cell.raw}"` : ''}`);
    }
  }
  checks.push({
    rule: 'V3.4',
    scope: 't3',
    status: bad.length > 0 ? 'fail' : 'pass',
    detail:
      (bad.length > 0 ? `not a whole number >= 0: ${bad.join(', ')}. ` : 'all numbers are whole and >= 0. ') +
      (blanks > 0 ? `${blanks} cells printed blank or as a marker (kept null, not 0): ${blank.join(', ')}${blanks > 12 ? ', …' : ''}` : 'no blank cells'),
    cells: bad.map((b) => b.split('=')[0]!),
  });
  return checks;
}

export function checkTable4(t4: Grid<T4Group, T4Col>): Check[] {
  return T4_GROUPS.filter((g) => t4[g]).map((g) => sumCheck(groupIdentity(g), t4));
}

export function checkTable2(t2: Grid<T2Row, T2Col>, format: Format | null): Check[] {
  const checks: Check[] = [];
  if (format === 'f2019') {
    for (const row of ['regulations', 'normative_docs'] as const) {
      const r = t2[row];
      if (!r) continue;
      const made = r.newly_made?.value ?? null;
      const pub = r.newly_published?.value ?? null;
      const total = r.published_total?.value ?? null;
      const cells = ['newly_made', 'newly_published', 'published_total'].map((c) => `t2.${row}.${c}`);
      if (made === null || pub === null || total === null) {
        checks.push({ rule: 'V2.2', scope: `t2.${row}.*`, status: 'not_assessable', detail: 'a value is missing', cells });
      } else {
        const ok = pub <= made && total >= pub;
        checks.push({
          rule: 'V2.2',
          scope: `t2.${row}.*`,
          status: ok ? 'pass' : 'fail',
          detail: ok ? `published ${pub} <= made ${made}, total ${total} >= published` : `newly_published ${pub}, newly_made ${made}, published_total ${total}: expected published <= made and total >= published`,
          cells,
        });
      }
    }
  }
  const fee = t2.admin_fees?.fee_amount_wan_yuan;
  if (format === 'f2021' && fee && fee.value !== null) {
    // A county's fees are rarely over a few 亿; a figure above 10^6 万元 (100 亿元) is most likely in 元.
    const ok = fee.value < 1e6;
    checks.push({
      rule: 'V2.3',
      scope: 't2.admin_fees.fee_amount_wan_yuan',
      status: ok ? 'pass' : 'fail',
      detail: ok ? `${fee.value} 万元 is plausible` : `${fee.value} 万元 is implausibly large: probably printed in 元`,
      cells: ['t2.admin_fees.fee_amount_wan_yuan'],
    });
  }
  return checks;
}
