// Checks recomputed after corrections: the same identities (checks.ts) and prose comparisons
// (prose.ts) as at extraction, run over a document's cells as corrected (stg_cells), for every
// document with an applied correction. The results stand in for its extracted checks.
import type { Format, T2Col, T2Row, T3Col, T3Row, T4Col, T4Group } from '../codes.ts';
import { insertRows, type Row } from '../db/append.ts';
import { type Db, query } from '../db/duck.ts';
import { checkTable2, checkTable3, checkTable4 } from '../extract/checks.ts';
import { figureChecks, type ProseFigure } from '../extract/prose.ts';
import type { Cell, Check, Grid } from '../extract/result.ts';
import { sqlString } from '../db/duck.ts';

interface CellRow {
  document_id: string;
  table_code: 't2' | 't3' | 't4';
  row_code: string;
  col_code: string;
  value: number | null;
  cell_kind: Cell['kind'];
  raw_text: string | null;
  loc: string;
  corrected: boolean;
}

/** The text a corrected cell stands for (the checks quote printed markers): its number or marker. */
const MARKER: Record<string, string> = { blank: '', slash: '/', dash: '-', none_word: '无' };

/** The checks of one document from its cells, in the extractor's order (prose, table 2, 3, 4). */
export function checksOf(cells: CellRow[], format: Format | null, t2Format: Format | null, figures: ProseFigure[]): Check[] {
  const grids: Record<'t2' | 't3' | 't4', Grid<string, string>> = { t2: {}, t3: {}, t4: {} };
  for (const c of cells) {
    const g = grids[c.table_code];
    const value = c.value === null ? null : Number(c.value);
    const raw = c.corrected ? (value !== null ? String(value) : (MARKER[c.cell_kind] ?? '')) : (c.raw_text ?? '');
    (g[c.row_code] ??= {})[c.col_code] = { value, kind: c.cell_kind, raw, loc: c.loc };
  }
  const has = (t: 't2' | 't3' | 't4') => Object.keys(grids[t]).length > 0;
  const get = (key: string) => {
    const [t, row, col] = key.split('.') as ['t2' | 't3' | 't4', string, string];
    return grids[t]?.[row]?.[col]?.value ?? null;
  };
  return [
    ...figureChecks(figures, get),
    ...(has('t2') ? checkTable2(grids.t2 as Grid<T2Row, T2Col>, t2Format) : []),
    ...(has('t3') && format ? checkTable3(grids.t3 as Grid<T3Row, T3Col>, format) : []),
    ...(has('t4') ? checkTable4(grids.t4 as Grid<T4Group, T4Col>) : []),
  ];
}

/** The documents' checks recomputed from stg_cells (all documents with applied corrections by default). */
export async function recomputeChecks(db: Db, documentIds?: string[]): Promise<Map<string, Check[]>> {
  const ids =
    documentIds ?? (await query<{ id: string }>(db, `SELECT DISTINCT document_id AS id FROM stg_cell_corrections WHERE status = 'applied' ORDER BY 1`)).map((r) => r.id);
  const out = new Map<string, Check[]>();
  if (ids.length === 0) return out;
  const list = `[${ids.map(sqlString).join(', ')}]`;
  const cells = await query<CellRow>(db, `SELECT document_id, table_code, row_code, col_code, value, cell_kind, raw_text, loc, corrected FROM stg_cells WHERE list_contains(${list}, document_id)`);
  const meta = await query<{ document_id: string; format: Format | null; t2_format: Format | null }>(
    db,
    `SELECT document_id, format, t2_format FROM extractions WHERE list_contains(${list}, document_id)`,
  );
  const prose = await query<{ document_id: string; rule: ProseFigure['rule']; value: number; sentence: string; cells: string[]; or_cells: string[] | null }>(
    db,
    `SELECT document_id, rule, value, sentence, cells, or_cells FROM extracted_prose WHERE list_contains(${list}, document_id) ORDER BY document_id, rule`,
  );
  for (const m of meta) {
    const figures = prose
      .filter((p) => p.document_id === m.document_id)
      .map((p) => ({ rule: p.rule, value: Number(p.value), sentence: p.sentence, cells: [...p.cells], ...(p.or_cells ? { or: [...p.or_cells] } : {}) }));
    out.set(m.document_id, checksOf(cells.filter((c) => c.document_id === m.document_id), m.format, m.t2_format, figures));
  }
  return out;
}

/** At load, after the staging views: corrected_checks := the recomputed checks of corrected documents. */
export async function storeRecomputedChecks(db: Db): Promise<number> {
  const checks = await recomputeChecks(db);
  await db.conn.run('DELETE FROM corrected_checks');
  const rows: Row<'corrected_checks'>[] = [];
  for (const [id, cs] of checks) for (const c of cs) rows.push({ document_id: id, rule: c.rule, scope: c.scope, status: c.status, detail: c.detail, cells: c.cells });
  await insertRows(db, 'corrected_checks', rows);
  return checks.size;
}
