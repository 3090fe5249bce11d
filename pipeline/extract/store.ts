// Stage 2 edge: extract the documents that need it and store results, cells, checks and flags.
import fs from 'node:fs';
import path from 'node:path';
import { READ_FAILED_SQL } from '../commands/extract.ts';
import { columnsOf, insertNdjson } from '../db/append.ts';
import { type Db, query } from '../db/duck.ts';
import { type PoolOptions, spoolAll } from './pool.ts';
import { makeSpoolDir, removeStaleSpools } from './spooldir.ts';
import { SPOOL_TABLES, type SpoolJob, type SpoolTable } from './spool.ts';

export interface ExtractSummary {
  extracted: number;
  /** documents whose content is identical to another one's: read once, stored for each */
  reused: number;
  ok: number;
  partial: number;
  rejected: number;
}

export async function extractPending(db: Db, onProgress?: (done: number, total: number) => void, pool: PoolOptions = {}): Promise<ExtractSummary> {
  removeStaleSpools(); // a killed run's leftovers, also when this run has nothing to do
  const pending = `SELECT d.document_id, d.path, d.sha256 FROM documents d LEFT JOIN extractions e USING (document_id)
     WHERE d.ingest_state <> 'removed' AND (e.document_id IS NULL OR e.sha256 <> d.sha256 OR ${READ_FAILED_SQL})`;
  await db.conn.run(`CREATE OR REPLACE TEMP TABLE redo AS ${pending}`);
  const todo = await query<{ document_id: string; path: string; sha256: string }>(db, 'SELECT * FROM redo ORDER BY path');
  const summary: ExtractSummary = { extracted: 0, reused: 0, ok: 0, partial: 0, rejected: 0 };
  if (todo.length === 0) return summary;
  for (const t of SPOOL_TABLES) await db.conn.run(`DELETE FROM ${t} WHERE document_id IN (SELECT document_id FROM redo)`);

  // byte-identical files (the same report saved twice) are read once and stored for each
  const bySha = new Map<string, SpoolJob>();
  for (const t of todo) {
    const doc = { documentId: t.document_id, sha256: t.sha256, path: t.path };
    const job = bySha.get(t.sha256);
    if (job) job.docs.push(doc);
    else bySha.set(t.sha256, { path: t.path, docs: [doc] });
  }
  const jobs = [...bySha.values()];
  // the spool files are keyed by the tables' own column names
  const names = {} as Record<SpoolTable, string[]>;
  for (const t of SPOOL_TABLES) names[t] = (await columnsOf(db, t)).map((c) => c.name);
  const { dir, remove } = makeSpoolDir();
  try {
    await spoolAll(jobs, { dir, columns: names, now: new Date().toISOString() }, (job, statuses, done) => {
      summary.extracted += job.docs.length;
      summary.reused += job.docs.length - 1;
      for (const s of statuses) summary[s]++;
      onProgress?.(done, jobs.length);
    }, pool);
    for (const t of SPOOL_TABLES) {
      const files = fs.readdirSync(dir).filter((f) => f.startsWith(`${t}-`) && fs.statSync(path.join(dir, f)).size > 0);
      if (files.length > 0) await insertNdjson(db, t, files.map((f) => path.join(dir, f)));
    }
  } finally {
    remove();
  }
  return summary;
}
