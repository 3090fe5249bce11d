// The pipeline stages run against a draft of the database file, inside one transaction, and the
// draft replaces the file only on success, so a failed or killed run leaves the last good database
// as it was, byte for byte.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { type Db, inTransaction, openRead, openWrite, query, REFERENCE_DIR, SQL_DIR, UserError } from './db/duck.ts';
import { type Draft, dropDraft, finishDraft, removeDeadDrafts, startDraft } from './db/draft.ts';
import { prepare, SCHEMA_VERSION } from './db/prepare.ts';
import { READ_FAILED_SQL } from './commands/extract.ts';
import type { PoolOptions } from './extract/pool.ts';
import { extractPending, type ExtractSummary } from './extract/store.ts';
import { removeStaleSpools } from './extract/spooldir.ts';
import { ingest, type IngestSummary, planIngest } from './ingest/ingest.ts';
import { assertInputFolder } from './ingest/scan.ts';
import { load, type LoadSummary } from './load/load.ts';
import { timing } from './load/timing.ts';
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

/** Every file under `dir`, by path relative to it, in name order. */
function filesUnder(dir: string, rel = ''): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, path.join(rel, e.name)) : e.isFile() ? [path.join(rel, e.name)] : []));
}

/**
 * What the load is built with (every file of sql/: the models, their docs and tests, the schema
 * and seeds, and the reference data the seeds and normalize read): an upgraded xxgk with other
 * models, documentation or reference data loads again.
 */
function modelsHash(): string {
  const h = crypto.createHash('sha256');
  for (const [name, dir] of [['sql', SQL_DIR], ['data/reference', REFERENCE_DIR]] as const) {
    for (const f of filesUnder(dir)) h.update(`${name}/${f}\n`).update(fs.readFileSync(path.join(dir, f)));
  }
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
    removeSpillFolder(file);
  }
}

/** DuckDB's spill folder of an older xxgk's killed run (DuckDB empties it, but removes only one it made). */
function removeSpillFolder(file: string): void {
  try {
    fs.rmdirSync(`${file}.tmp`);
  } catch {
    // absent, or in use by another process
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

/**
 * A re-run with nothing to do, found by reading the database only: the same schema, no file of
 * the folder new, changed (size, mtime, hash or fetch sidecar), gone or back, none waiting to be
 * read (a read that failed is retried), and the load's fingerprint (documents, models, reference
 * data, corrections) what it was. Then nothing is written: no draft, no copy of the database,
 * the file keeps its bytes, mtime and inode (documents keep the state and last_seen of the last
 * run that changed something). Undefined when a run has work to do.
 */
async function nothingToDo(opts: RunOptions): Promise<RunSummary | undefined> {
  const { db: file, log } = opts;
  // a WAL left beside the file is folded in by a full run
  if (opts.failAfter || opts.extract || !fs.existsSync(file) || fs.existsSync(`${file}.wal`)) return undefined;
  const t0 = performance.now();
  const db = await openRead(file); // a writer holding the file: its lock message, as a full run says
  let out: RunSummary;
  try {
    const meta = new Map((await query<{ key: string; value: string }>(db, `SELECT key, value FROM meta WHERE key IN ('schema_version', 'loaded_fingerprint')`)).map((r) => [r.key, r.value]));
    if (meta.get('schema_version') !== String(SCHEMA_VERSION) || !meta.has('loaded_fingerprint')) return undefined;
    timing?.('no-change check: meta', t0);
    const plan = await planIngest(db, opts.input);
    timing?.('no-change check: scan and ingest plan', t0);
    if (!plan.unchanged) return undefined;
    // what extractPending (pipeline/extract/store.ts) would read
    const [p] = await query<{ n: number }>(
      db,
      `SELECT count(*)::INT AS n FROM documents d LEFT JOIN extractions e USING (document_id)
       WHERE d.ingest_state <> 'removed' AND (e.document_id IS NULL OR e.sha256 <> d.sha256 OR ${READ_FAILED_SQL})`,
    );
    if (p!.n > 0) return undefined;
    timing?.('no-change check: pending extraction', t0);
    if ((await fingerprint(db)) !== meta.get('loaded_fingerprint')) return undefined;
    timing?.('no-change check: fingerprint', t0);
    out = { skipped: true, ingest: plan.summary, extract: { extracted: 0, reused: 0, ok: 0, partial: 0, rejected: 0 }, rejected: await rejectedUnder(db, plan.summary.realRoot) };
  } finally {
    db.close();
  }
  // what killed runs left, as a full run removes it: their drafts, spool folders and spill folder
  removeDeadDrafts(file);
  removeStaleSpools();
  removeSpillFolder(file);
  const s = out.ingest!;
  log(`ingest ${s.root}: 0 new, 0 changed, ${s.unchanged} unchanged, 0 removed${s.skipped.length ? `, ${s.skipped.length} skipped` : ''} (${secs(t0)})`);
  for (const k of s.skipped) log(`  skipped ${k.path}: ${k.reason}`);
  log('nothing changed since the last load: extract, normalize and load skipped, the database left as it was');
  return out;
}

/** All stages in order in one transaction; when no input changed, nothing is written at all. */
export async function runAll(opts: RunOptions): Promise<RunSummary> {
  const { log } = opts;
  assertInputFolder(opts.input); // said before the database is touched
  const idle = await nothingToDo(opts);
  if (idle) return idle;
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
      // only the documents' last_seen and state changed (or a WAL was folded in)
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
