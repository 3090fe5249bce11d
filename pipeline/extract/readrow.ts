// Reading one row of a table with its own arithmetic (a row sum, or table 4's group totals).
import type { Chunk } from './cells.ts';
import type { Flag } from './result.ts';
import { segment, type Value } from './segment.ts';

export interface RowReading {
  candidates: Value[][];
  flag?: Omit<Flag, 'cell'>;
}

/**
 * The readings of a row's chunks as `n` cells that add up. When none adds up, the row is taken as
 * printed only if it needed no splitting (then the failed check shows the printed error); a split
 * that does not add up may have lost a blank cell, so nothing is taken.
 */
export function readRow(chunks: Chunk[], n: number, ok: (v: Value[]) => boolean, what: string): RowReading {
  const raw = chunks.map((c) => c.raw).join(' ');
  const adding = segment(chunks, n, 5000, ok);
  if (adding.truncated) {
    return { candidates: [], flag: { reason: 'ambiguous', detail: `too many readings of the glued digits "${raw}" to decide; left blank` } };
  }
  if (adding.candidates.length > 0) return { candidates: adding.candidates };
  const all = segment(chunks, n, 5000);
  if (all.candidates.length === 1 && !all.split) return { candidates: all.candidates };
  if (all.candidates.length === 0 && !all.truncated) {
    const reason = chunks.some((c) => c.kind === 'unreadable') ? 'unreadable' : 'unsatisfiable';
    return { candidates: [], flag: { reason, detail: `cannot read ${n} cells from "${raw}" (${chunks.length} pieces)` } };
  }
  return {
    candidates: [],
    flag: { reason: 'unsatisfiable', detail: `no reading of "${raw}" as ${n} cells adds up to ${what}; left blank` },
  };
}
