// Stage 2 edge: extract the documents that need it and store results, cells, checks and flags.
import { appendRows } from '../db/append.ts';
import { type Db, query } from '../db/duck.ts';
import { extractMany } from './pool.ts';
import type { ExtractResult } from './result.ts';

export interface ExtractSummary {
  extracted: number;
  ok: number;
  partial: number;
  rejected: number;
}

function rowsOf(documentId: string, sha256: string, r: ExtractResult, now: Date) {
  const cells: unknown[][] = [];
  for (const t of ['t2', 't3', 't4'] as const) {
    for (const [row, cols] of Object.entries(r[t] as Record<string, Record<string, { value: number | null; kind: string; raw: string; loc: string }>>)) {
      for (const [col, c] of Object.entries(cols)) cells.push([documentId, t, row, col, c.value, c.kind, c.raw, c.loc]);
    }
  }
  return {
    extraction: [documentId, sha256, r.status, r.error ?? null, r.issuer, r.publisher, r.year, r.level, r.format, r.t2Format, r.notes, now],
    cells,
    checks: r.checks.map((c) => [documentId, c.rule, c.scope, c.status, c.detail, c.cells]),
    flags: r.flags.map((f) => [documentId, f.cell, f.reason, f.detail, f.candidates?.map((x) => (x === null ? null : x)) ?? null]),
  };
}

export async function extractPending(db: Db, onProgress?: (done: number, total: number) => void): Promise<ExtractSummary> {
  const pending = `SELECT d.document_id, d.path, d.sha256 FROM documents d LEFT JOIN extractions e USING (document_id)
     WHERE d.ingest_state <> 'removed' AND (e.document_id IS NULL OR e.sha256 <> d.sha256)`;
  await db.conn.run(`CREATE OR REPLACE TEMP TABLE redo AS ${pending}`);
  const todo = await query<{ document_id: string; path: string; sha256: string }>(db, 'SELECT * FROM redo ORDER BY path');
  const summary: ExtractSummary = { extracted: 0, ok: 0, partial: 0, rejected: 0 };
  if (todo.length === 0) return summary;
  for (const t of ['extractions', 'extracted_cells', 'extracted_checks', 'extracted_flags']) {
    await db.conn.run(`DELETE FROM ${t} WHERE document_id IN (SELECT document_id FROM redo)`);
  }
  const byPath = new Map(todo.map((t) => [t.path, t]));
  const now = new Date();
  const empty = () => ({ extraction: [] as unknown[][], cells: [] as unknown[][], checks: [] as unknown[][], flags: [] as unknown[][] });
  let batch = empty();
  // results arrive from several workers at once: take the batch, then append it after the
  // previous append finished, so the connection is used by one append at a time
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    const b = batch;
    batch = empty();
    writing = writing.then(async () => {
      await appendRows(db, 'extractions', b.extraction);
      await appendRows(db, 'extracted_cells', b.cells);
      await appendRows(db, 'extracted_checks', b.checks);
      await appendRows(db, 'extracted_flags', b.flags);
    });
    return writing;
  };
  await extractMany(
    todo.map((t) => t.path),
    async (r, done) => {
      const doc = byPath.get(r.file)!;
      const rows = rowsOf(doc.document_id, doc.sha256, r, now);
      batch.extraction.push(rows.extraction);
      batch.cells.push(...rows.cells);
      batch.checks.push(...rows.checks);
      batch.flags.push(...rows.flags);
      summary.extracted++;
      summary[r.status]++;
      onProgress?.(done, todo.length);
      if (batch.extraction.length >= 500) await flush();
    },
  );
  await flush();
  return summary;
}
