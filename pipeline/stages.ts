// The pipeline stages run against a draft of the database file, inside one transaction, and the
// draft replaces the file only on success, so a failed or killed run leaves the last good database
// as it was, byte for byte.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { type Db, inTransaction, openWrite, query, UserError } from './db/duck.ts';
import { type Draft, dropDraft, finishDraft, startDraft } from './db/draft.ts';
import { prepare } from './db/prepare.ts';
import { sqlFiles } from './db/sqlfiles.ts';
import type { PoolOptions } from './extract/pool.ts';
import { extractPending, type ExtractSummary } from './extract/store.ts';
import { ingest, type IngestSummary } from './ingest/ingest.ts';
import { assertInputFolder } from './ingest/scan.ts';
import { load, type LoadSummary } from './load/load.ts';
import { normalize, type NormalizeSummary } from './normalize/normalize.ts';
import { correctionsHash } from './review/file.ts';

export type Log = (s: string) => void;

export interface RunOptions {
  db: string;
  input: string;
  log: Log;
  /** worker threads for extraction (default: one per CPU core) */
  jobs?: number;
  /** heap limit of each extraction worker in MB */
  workerMemoryMb?: number;
  /** test hook: the extractor to use (run in this thread), to check a crash in one file is contained */
  extract?: PoolOptions['extract'];
  /** test hook: throw after this stage to simulate a crash part-way */
  failAfter?: 'ingest' | 'extract' | 'normalize' | 'load';
}

export interface RunSummary {
  ingest?: IngestSummary;
  extract?: ExtractSummary;
  normalize?: NormalizeSummary;
  load?: LoadSummary;
  skipped: boolean;
  /** documents of this input folder that are rejected now, whether in this run or an earlier one */
  rejected: number;
}

function progress() {
  if (!process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar({ format: 'extract [{bar}] {value}/{total} files', stream: process.stderr }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** The SQL models the load builds (their text): an upgraded xxgk with other models loads again. */
function modelsHash(): string {
  const h = crypto.createHash('sha256');
  for (const layer of ['staging', 'core', 'metrics', 'marts'] as const) for (const f of sqlFiles(layer)) h.update(`${layer}/${path.basename(f)}\n`).update(fs.readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

/** What the load is built from: the documents (and where they came from) and the models. */
async function fingerprint(db: Db): Promise<string> {
  const [r] = await query<{ f: string | null }>(
    db,
    `SELECT md5(coalesce(string_agg(document_id || sha256 || (ingest_state = 'removed') || coalesce(source_url, '') || coalesce(source_page_url, ''), ',' ORDER BY document_id), '')) AS f FROM documents`,
  );
  // and the people's corrections: a corrections file changed (a git pull) loads again
  return `${r?.f ?? ''}:${modelsHash()}:${correctionsHash(db.path)}`;
}

async function setMeta(db: Db, key: string, value: string) {
  await db.conn.run(`INSERT OR REPLACE INTO meta VALUES ($1, $2)`, [key, value]);
}

/** A full disk said as such (DuckDB reports it inside a commit or checkpoint error), with the file it could not write. */
function diskFull(e: unknown, file: string): Error {
  const msg = (e as Error).message ?? '';
  // DuckDB spilling to its temp folder beside the file says "failed to offload … max_temp_directory_size"
  const spill = /failed to offload data block[^]*max_temp_directory_size/u.test(msg);
  if (!spill && !/No space left on device|ENOSPC|disk is full/iu.test(msg)) return e as Error;
  const where = spill ? `${file}.tmp` : (/Could not write (?:file )?"([^"]+)"/u.exec(msg)?.[1] ?? file);
  return new UserError(
    `no space left on device: could not write ${where} (${path.dirname(path.resolve(where))} is full). Nothing of this run was saved and the previous database is intact; free some space and run again`,
  );
}

/**
 * Bring the database to the current schema and run `fn` in a transaction, in a draft copy that
 * replaces the file only when all of it committed (pipeline/db/draft.ts): a failed or killed run
 * leaves the file byte for byte as it was. `fn` may commit part-way (commitStage): only the draft
 * sees it.
 */
export async function withDb<T>(file: string, log: Log, fn: (db: Db) => Promise<T>): Promise<T> {
  let draft: Draft | undefined;
  let db: Db | undefined;
  try {
    draft = await startDraft(file);
    db = await openWrite(draft.path);
    await prepare(db, log);
    const out = await inTransaction(db, () => fn(db!));
    await db.conn.run('CHECKPOINT');
    db.close();
    db = undefined;
    finishDraft(draft);
    draft = undefined;
    return out;
  } catch (e) {
    throw diskFull(e, draft?.path ?? file);
  } finally {
    db?.close();
    if (draft) dropDraft(draft);
    // DuckDB's spill folder of an older xxgk's killed run (DuckDB empties it, but removes only one it made)
    try {
      fs.rmdirSync(`${file}.tmp`);
    } catch {
      // absent, or in use by another process
    }
  }
}

/**
 * Commit what the stages did so far and go on in a new transaction. Only ever inside withDb, whose
 * draft stands for the one all-or-nothing unit: the database file is replaced only once everything
 * committed, and a failure throws the draft away with every stage it committed. The next stage
 * then reads committed, compressed tables instead of one transaction's local storage of every
 * extracted cell, which made a first run's load about four times slower (65 s instead of 17 s at 10k files).
 */
export async function commitStage(db: Db): Promise<void> {
  await db.conn.run('COMMIT');
  await db.conn.run('BEGIN TRANSACTION');
}

const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

export async function runIngest(db: Db, input: string, log: Log) {
  const t0 = performance.now();
  const s = await ingest(db, input);
  log(`ingest ${s.root}: ${s.new} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.removed} removed${s.adopted ? `, ${s.adopted} stored with a relative path adopted` : ''}${s.skipped.length ? `, ${s.skipped.length} skipped` : ''} (${secs(t0)})`);
  for (const k of s.skipped) log(`  skipped ${k.path}: ${k.reason}`);
  return s;
}

export async function runExtractStage(db: Db, log: Log, pool: PoolOptions = {}) {
  const t0 = performance.now();
  const bar = progress();
  const s = await extractPending(db, (d, t) => bar?.update(d, t), pool, () => commitStage(db));
  bar?.stop();
  log(`extract: ${s.extracted} documents (${s.ok} ok, ${s.partial} partial, ${s.rejected} rejected${s.reused ? `; ${s.reused} identical to another file, read once` : ''}) (${secs(t0)})`);
  return s;
}

export async function runNormalize(db: Db, log: Log) {
  const t0 = performance.now();
  const s = await normalize(db);
  log(`normalize: ${s.documents} documents -> ${s.bodies} bodies${s.unplaced ? `, ${s.unplaced} without issuer or year` : ''} (${secs(t0)})`);
  return s;
}

export async function runLoad(db: Db, log: Log) {
  const t0 = performance.now();
  const s = await load(db, { commit: () => commitStage(db) });
  await setMeta(db, 'loaded_fingerprint', await fingerprint(db));
  const k = s.corrections;
  const corr = k.applied + k.redundant + k.stale > 0 ? `, corrections: ${k.applied} applied, ${k.redundant} redundant, ${k.stale} stale` : '';
  log(`load: ${s.reports} reports, ${s.duplicates} duplicates, ${s.rejected} rejected${corr} (${secs(t0)})`);
  return s;
}

/** Rejected documents under the ingest root (its canonical path, as ingest stores paths). */
async function rejectedUnder(db: Db, root: string): Promise<number> {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  const [r] = await query<{ n: number }>(db, `SELECT count(*)::INT AS n FROM document_status WHERE status = 'rejected' AND starts_with(path, $1)`, [prefix]);
  return r?.n ?? 0;
}

/** All stages in order in one transaction; when no input changed, normalize and load are skipped. */
export async function runAll(opts: RunOptions): Promise<RunSummary> {
  const { log } = opts;
  assertInputFolder(opts.input); // said before the database is touched
  return withDb(opts.db, log, async (db) => {
    const out: RunSummary = { skipped: false, rejected: 0 };
    const fail = (stage: RunOptions['failAfter']) => {
      if (opts.failAfter === stage) throw new Error(`simulated failure after ${stage}`);
    };
    out.ingest = await runIngest(db, opts.input, log);
    fail('ingest');
    await commitStage(db);
    out.extract = await runExtractStage(db, log, { threads: opts.jobs, workerMemoryMb: opts.workerMemoryMb, extract: opts.extract });
    fail('extract');
    await commitStage(db);
    const [m] = await query<{ value: string }>(db, `SELECT value FROM meta WHERE key = 'loaded_fingerprint'`);
    if (out.extract.extracted === 0 && m?.value === (await fingerprint(db))) {
      out.skipped = true;
      log('nothing changed since the last load: normalize and load skipped');
    } else {
      out.normalize = await runNormalize(db, log);
      fail('normalize');
      await commitStage(db);
      out.load = await runLoad(db, log);
      fail('load');
    }
    out.rejected = await rejectedUnder(db, out.ingest.realRoot);
    return out;
  });
}
