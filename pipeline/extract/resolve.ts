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
}

export interface Resolution {
  cells: Map<string, (Cell | null)[]>;
  flags: Flag[];
  notes: string[];
}

const COMBO_CAP = 50_000;

function sameValue(a: Value, b: Value): boolean {
  return a.value === b.value && a.kind === b.kind;
}

function asCell(v: Value): Cell {
  return { value: v.value, kind: v.kind, raw: v.raw, loc: v.loc };
}

/**
 * Resolve every unit to one reading where the arithmetic allows it.
 * `identity` gets a lookup of chosen readings and says whether all identities touching the
 * still-ambiguous units hold.
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

  for (const u of units) {
    if (u.candidates.length === 0) continue;
    if (u.candidates.length === 1) {
      chosen.set(u.key, u.candidates[0]!);
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
      notes.push(`${table}.${u.key}: glued digits read by the row sum (${byRow[0]!.map((v) => v.raw).join(',')})`);
      continue;
    }
    open.push({ ...u, candidates: byRow.length > 1 ? byRow : u.candidates });
  }

  if (open.length > 0) {
    const touched = new Set(open.map((u) => u.key));
    const total = open.reduce((n, u) => n * u.candidates.length, 1);
    // which candidates of each open unit take part in at least one combination that satisfies
    // every identity; the combinations themselves are not kept
    const used = open.map(() => new Set<number>());
    let satisfying = 0;
    let only: number[] = [];
    if (identity && total <= COMBO_CAP) {
      const idx = new Array<number>(open.length).fill(0);
      const pos = new Map(open.map((u, i) => [u.key, i]));
      const pick = (key: string) => {
        const i = pos.get(key);
        return i === undefined ? chosen.get(key) : open[i]!.candidates[idx[i]!];
      };
      for (let k = 0; k < total; k++) {
        let r = k;
        for (let i = 0; i < open.length; i++) {
          idx[i] = r % open[i]!.candidates.length;
          r = Math.floor(r / open[i]!.candidates.length);
        }
        if (!identity(pick, touched)) continue;
        satisfying++;
        only = idx.slice();
        idx.forEach((c, i) => used[i]!.add(c));
      }
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
