// Choosing among the readings of glued rows: row arithmetic first, then the table's identities
// across rows. When several readings survive, only the cells on which they all agree are kept.
import type { Cell, Flag } from './result.ts';
import type { Value } from './segment.ts';

export interface Unit {
  key: string;
  cols: readonly string[];
  candidates: Value[][];
  /** the row (or group) reading satisfies its own sum */
  rowOk?: (v: Value[]) => boolean;
  /** the readings glue spaced numbers together: a guess that the table's identities must not refute */
  spacingIgnored?: boolean;
}

export interface Resolution {
  cells: Map<string, (Cell | null)[]>;
  flags: Flag[];
  notes: string[];
}

const NODE_CAP = 200_000;

function sameValue(a: Value, b: Value): boolean {
  return a.value === b.value && a.kind === b.kind;
}

function asCell(v: Value): Cell {
  return { value: v.value, kind: v.kind, raw: v.raw, loc: v.loc };
}

/**
 * Resolve every unit to one reading where the arithmetic allows it.
 * `identity` gets a lookup of readings (undefined for units not yet assigned) and must return
 * false only when an identity touching the still-ambiguous units certainly fails.
 */
export function resolveUnits(
  table: string,
  units: Unit[],
  identity?: (pick: (key: string) => Value[] | undefined, touched: Set<string>) => boolean,
): Resolution {
  const flags: Flag[] = [];
  const notes: string[] = [];
  const chosen = new Map<string, Value[]>();
  const partial = new Map<string, (Cell | null)[]>();
  const open: Unit[] = [];
  const bySum: string[] = [];

  for (const u of units) {
    if (u.candidates.length === 0) continue;
    if (u.candidates.length === 1) {
      chosen.set(u.key, u.candidates[0]!);
      if (u.spacingIgnored) bySum.push(u.key);
      continue;
    }
    const byRow = u.rowOk ? u.candidates.filter(u.rowOk) : [];
    if (u.rowOk && byRow.length === 0) {
      // several readings and none adds up: which one was printed cannot be known, and cells on
      // which wrong readings agree are no more certain than the readings themselves
      flags.push({
        cell: `${table}.${u.key}`,
        reason: 'unsatisfiable',
        detail: `none of the ${u.candidates.length} readings of the glued digits adds up to its total; left blank`,
      });
      continue;
    }
    if (byRow.length === 1) {
      chosen.set(u.key, byRow[0]!);
      bySum.push(u.key);
      notes.push(`${table}.${u.key}: glued digits read by the row sum (${byRow[0]!.map((v) => v.raw).join(',')})`);
      continue;
    }
    open.push({ ...u, candidates: byRow.length > 1 ? byRow : u.candidates });
  }
  // A reading chosen by its row sum alone among several, or one that glues spaced numbers
  // together, is a choice: the table's identities must not refute it (`32 0 00 0 023` read as
  // 3,20,0,0,0,0,23 adds up, but its columns do not). Refuted, the row is left blank: which of
  // its digits is misprinted cannot be known.
  if (identity) {
    for (const key of bySum) {
      if (identity((k) => chosen.get(k), new Set([key]))) continue;
      const raw = chosen.get(key)!.map((v) => v.raw).join(',');
      const i = notes.findIndex((n) => n.startsWith(`${table}.${key}: glued digits read by the row sum`));
      if (i >= 0) notes.splice(i, 1);
      chosen.delete(key);
      flags.push({
        cell: `${table}.${key}`,
        reason: 'unsatisfiable',
        detail: `the reading of the glued digits chosen by its row sum (${raw}) contradicts the table's column sums; left blank`,
      });
    }
  }

  if (open.length > 0) {
    const touched = new Set(open.map((u) => u.key));
    // which candidates of each open unit take part in at least one assignment that satisfies
    // every identity; the assignments themselves are not kept
    const used = open.map(() => new Set<number>());
    let satisfying = 0;
    let only: number[] = [];
    if (identity) {
      // depth-first over the open units, fewest candidates first; `identity` sees the units not
      // yet assigned as unknown and rejects a partial assignment as soon as it must fail
      const order = open.map((_, i) => i).sort((a, b) => open[a]!.candidates.length - open[b]!.candidates.length);
      const idx = new Array<number>(open.length).fill(-1);
      const pos = new Map(open.map((u, i) => [u.key, i]));
      const pick = (key: string) => {
        const i = pos.get(key);
        if (i === undefined) return chosen.get(key);
        return idx[i]! < 0 ? undefined : open[i]!.candidates[idx[i]!];
      };
      let nodes = 0;
      let exhausted = true;
      const dfs = (d: number) => {
        if (++nodes > NODE_CAP) {
          exhausted = false;
          return;
        }
        if (d === order.length) {
          satisfying++;
          only = idx.slice();
          idx.forEach((c, i) => used[i]!.add(c));
          return;
        }
        const i = order[d]!;
        for (let c = 0; c < open[i]!.candidates.length && exhausted; c++) {
          idx[i] = c;
          if (identity(pick, touched)) dfs(d + 1);
        }
        idx[i] = -1;
      };
      dfs(0);
      // an unfinished search proves nothing: fall back to every candidate
      if (!exhausted) satisfying = 0;
    }
    if (satisfying === 1) {
      open.forEach((u, i) => {
        const c = u.candidates[only[i]!]!;
        chosen.set(u.key, c);
        notes.push(`${table}.${u.key}: glued digits read by the table identities (${c.map((v) => v.raw).join(',')})`);
      });
    } else {
      open.forEach((u, i) => {
        const kept = satisfying > 1 ? u.candidates.filter((_, c) => used[i]!.has(c)) : u.candidates;
        const merged: Value[] = [];
        const unsure: number[] = [];
        u.cols.forEach((_, c) => {
          const first = kept[0]![c]!;
          if (kept.every((cand) => sameValue(cand[c]!, first))) merged[c] = first;
          else unsure.push(c);
        });
        for (const c of unsure) {
          const options = [...new Set(kept.map((cand) => cand[c]!.value))];
          flags.push({
            cell: `${table}.${u.key}.${u.cols[c]}`,
            reason: 'ambiguous',
            detail: `${kept.length} readings of the glued digits remain after the row and table checks, and they differ in this cell`,
            candidates: options.slice(0, 12),
          });
        }
        partial.set(u.key, u.cols.map((_, c) => (merged[c] ? asCell(merged[c]!) : null)));
      });
    }
  }

  const cells = new Map<string, (Cell | null)[]>();
  for (const [k, v] of chosen) cells.set(k, v.map(asCell));
  for (const [k, v] of partial) cells.set(k, v);
  return { cells, flags, notes };
}
