// Stage 2 edge: extract the documents that need it and store results, cells, checks and flags.
import fs from 'node:fs';
import path from 'node:path';
import { READ_FAILED_SQL } from '../commands/extract.ts';
import { columnsOf, insertNdjson } from '../db/append.ts';
import { type Db, query } from '../db/duck.ts';
import { type PoolOptions, spoolAll } from './pool.ts';
import { makeSpoolDir, removeStaleSpools } from './spooldir.ts';
import { SPOOL_TABLES, type SpoolBatch, type SpoolJob, type SpoolTable } from './spool.ts';

export interface ExtractSummary {
  extracted: number;
  /** documents whose content is identical to another one's: read once, stored for each */
  reused: number;
  ok: number;
  partial: number;
  rejected: number;
}

/** XXGK_SPOOL_BATCH_MB: the size at which a spool hands its files to the insert (tests make it tiny). */
function batchBytes(): number | undefined {
  const mb = Number(process.env.XXGK_SPOOL_BATCH_MB);
  return process.env.XXGK_SPOOL_BATCH_MB && mb >= 0 ? Math.round(mb * 1024 * 1024) : undefined;
}

/**
 * Extract what is pending. `commit` (the run's commitStage) commits after each inserted batch: a
 * transaction's local storage of a whole corpus's cells does not fit DuckDB's memory limit, and
 * the run's draft, not this transaction, is what makes a run all-or-nothing.
 */
export async function extractPending(
  db: Db,
  onProgress?: (done: number, total: number) => void,
  pool: PoolOptions = {},
  commit: () => Promise<void> = async () => {},
): Promise<ExtractSummary> {
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
  // batches are inserted one after another while the workers go on; the first failure stops the
  // inserts and is thrown once the pool is done
  let inserting: Promise<void> = Promise.resolve();
  let failed: unknown;
  const insertBatch = async (b: SpoolBatch) => {
    if (failed !== undefined) return;
    try {
      for (const { table, file } of b) await insertNdjson(db, table, [file]);
      await commit();
    } catch (e) {
      failed = e;
    } finally {
      for (const { file } of b) fs.rmSync(file, { force: true });
    }
  };
  try {
    await spoolAll(
      jobs,
      { dir, columns: names, now: new Date().toISOString(), rotateBytes: batchBytes() },
      {
        done(job, statuses, done) {
          summary.extracted += job.docs.length;
          summary.reused += job.docs.length - 1;
          for (const s of statuses) summary[s]++;
          onProgress?.(done, jobs.length);
        },
        batch(b) {
          inserting = inserting.then(() => insertBatch(b));
        },
      },
      pool,
    );
    await inserting;
    if (failed !== undefined) throw failed;
    // what the spools held when the pool ended (and a dead worker's files)
    for (const t of SPOOL_TABLES) {
      const files = fs.readdirSync(dir).filter((f) => f.startsWith(`${t}-`) && fs.statSync(path.join(dir, f)).size > 0);
      if (files.length > 0) await insertNdjson(db, t, files.map((f) => path.join(dir, f)));
    }
  } finally {
    await inserting; // never remove the folder under a running insert
    remove();
  }
  return summary;
}
