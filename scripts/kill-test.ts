// `npm run kill-test [-- --files 2000 --trials 12 --seed 1]`: kill -9 at random points of
// `xxgk run` over thousands of files, and check after every kill that
//   - the database opens and holds either the previous state or the complete new one (a kill
//     after the commit), never anything in between: the row count of every table and a hash of
//     the reports table are compared;
//   - the next run completes (exit 0) and gives the same database as a run never killed;
//   - no temp files are left: the killed run's spool folder and bulk-insert files in TMPDIR, a
//     WAL or temp folder beside the database.
// Each trial changes some inputs first (bytes appended to some files, a few removed, a few new),
// so that every run has real work in each stage. Exit 1 when any check fails.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRead, query } from '../pipeline/db/duck.ts';
import { prng } from '../test/fuzz-engine.ts';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a whole number`);
  return v;
}

const FILES = arg('files', 2000);
const TRIALS = arg('trials', 12);
const rnd = prng(arg('seed', 1));
const BIN = path.resolve('bin/xxgk.js');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-kill-'));
const raw = path.join(dir, 'raw');
const tmp = path.join(dir, 'tmp'); // TMPDIR of the runs: their temp files only
const dbFile = path.join(dir, 'x.duckdb');
fs.mkdirSync(tmp);
const env = { ...process.env, TMPDIR: tmp, XXGK_ENTRY: '1' };

process.env.BENCH_FILES = String(FILES);
const { makeCorpus } = await import('../bench/pipeline.ts');

/** Row counts of every table and a hash of the reports: equal digests, equal databases for our purpose. */
async function digest(): Promise<string> {
  const db = await openRead(dbFile);
  try {
    const tables = await query<{ t: string }>(db, `SELECT table_name AS t FROM duckdb_tables() WHERE NOT internal ORDER BY table_name`);
    const parts: string[] = [];
    for (const { t } of tables) {
      const [r] = await query<{ n: bigint }>(db, `SELECT count(*) AS n FROM "${t}"`);
      parts.push(`${t}=${r!.n}`);
    }
    const [h] = await query<{ h: string }>(db, `SELECT md5(coalesce(string_agg(r::VARCHAR, '|' ORDER BY report_id), '')) AS h FROM reports r`);
    const [d] = await query<{ h: string }>(db, `SELECT md5(coalesce(string_agg(document_id || sha256 || (ingest_state = 'removed'), '|' ORDER BY document_id), '')) AS h FROM documents`);
    return `${parts.join(' ')} reports#${h!.h.slice(0, 12)} documents#${d!.h.slice(0, 12)}`;
  } finally {
    db.close();
  }
}

function run(): { code: number | null; seconds: number; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'run', raw, '--db', dbFile, '--allow-rejected'], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status, seconds: (performance.now() - t0) / 1000, stderr: r.stderr };
}

/** Start a run and kill -9 it after `ms`; the stage it was in (from its log) and whether it had ended by itself. */
function runKilled(ms: number): Promise<{ stage: string; finished: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'run', raw, '--db', dbFile, '--allow-rejected'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    let finished = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      finished = signal === null && code === 0;
      const done = [...log.matchAll(/^(ingest|extract|normalize|load)\b/gmu)].map((m) => m[1]);
      const next = { '': 'ingest', ingest: 'extract', extract: 'normalize', normalize: 'load', load: 'commit' }[done.at(-1) ?? ''] ?? '?';
      resolve({ stage: finished ? 'finished' : `during ${next}`, finished });
    });
  });
}

/** Temp files a run may leave: in its TMPDIR, and beside the database. */
function leftovers(): string[] {
  const beside = fs.readdirSync(dir).filter((f) => f.startsWith('x.duckdb') && f !== 'x.duckdb');
  // tsx-0 is tsx's compile cache (when dist/ is not built), not a file of xxgk's
  return [...fs.readdirSync(tmp).filter((f) => !/^tsx-\d+$/u.test(f)).map((f) => `TMPDIR/${f}`), ...beside];
}

/** Change some inputs so the next run has work in every stage. */
function changeInputs(trial: number): string {
  const files = fs.readdirSync(raw, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(txt|html)$/u.test(e.name)).map((e) => path.join(e.parentPath, e.name));
  let changed = 0;
  let removed = 0;
  for (const f of files) {
    const x = rnd();
    if (x < 0.15) {
      fs.appendFileSync(f, `\n${' '.repeat(trial)}\n`);
      changed++;
    } else if (x < 0.16) {
      fs.rmSync(f);
      removed++;
    }
  }
  const sub = path.join(raw, `new-${trial}`);
  fs.mkdirSync(sub);
  const some = files.filter(() => rnd() < 0.01).filter((f) => fs.existsSync(f));
  some.forEach((f, i) => fs.copyFileSync(f, path.join(sub, `${i}-${path.basename(f)}`)));
  return `${changed} changed, ${removed} removed, ${some.length} new`;
}

const fail: string[] = [];
try {
  const made = makeCorpus(raw);
  console.log(`kill test: ${made.files} files (${(made.bytes / 1e6).toFixed(0)} MB) in ${dir}, ${TRIALS} trials`);
  const first = run();
  if (first.code !== 0) throw new Error(`the first run failed (${first.code}):\n${first.stderr.slice(-2000)}`);
  console.log(`first run: ${first.seconds.toFixed(1)} s`);
  let full = first.seconds;
  const rows: string[][] = [['trial', 'inputs', 'kill after', 'killed', 'database after the kill', 'next run', 'same as never killed', 'temp files left']];
  for (let trial = 1; trial <= TRIALS; trial++) {
    const before = await digest();
    const what = changeInputs(trial);
    const ms = Math.round((0.05 + 0.95 * rnd()) * full * 1000);
    const k = await runKilled(ms);
    let after: string;
    try {
      after = await digest();
    } catch (e) {
      after = `cannot open: ${(e as Error).message}`;
    }
    const next = run();
    full = Math.max(full * 0.5, next.seconds);
    const end = await digest();
    // the reference: the same inputs run again from the state the next run made must change nothing
    const again = run();
    const ref = await digest();
    const state = after === before ? 'previous' : after === end ? (k.finished ? 'new (ended before the kill)' : 'new (killed after the commit)') : 'NEITHER';
    const left = leftovers();
    const ok = state !== 'NEITHER' && next.code === 0 && again.code === 0 && ref === end && left.length === 0 && /nothing changed/u.test(again.stderr);
    if (!ok) fail.push(`trial ${trial}: state ${state}, next run exit ${next.code}, rerun exit ${again.code}, ref ${ref === end ? 'same' : 'differs'}, left ${left.join(' ')}\n${next.stderr.slice(-1500)}`);
    rows.push([String(trial), what, `${(ms / 1000).toFixed(1)} s`, k.stage, state, `exit ${next.code}, ${next.seconds.toFixed(1)} s`, ref === end ? 'yes' : 'NO', left.length ? left.join(' ') : 'none']);
    console.log(rows.at(-1)!.join(' | '));
  }
  // a run never killed, from a copy of the inputs, must give the same reports
  const fresh = path.join(dir, 'fresh.duckdb');
  const r = spawnSync(process.execPath, [BIN, 'run', raw, '--db', fresh, '--allow-rejected'], { env, encoding: 'utf8' });
  const never = await (async () => {
    const db = await openRead(fresh);
    try {
      const [h] = await query<{ h: string }>(db, `SELECT md5(coalesce(string_agg(r::VARCHAR, '|' ORDER BY report_id), '')) AS h FROM reports r`);
      return h!.h.slice(0, 12);
    } finally {
      db.close();
    }
  })();
  const last = (await digest()).match(/reports#(\w+)/u)![1];
  if (r.status !== 0 || never !== last) fail.push(`a fresh run over the final inputs gives reports#${never}, the killed-and-resumed database reports#${last}`);
  console.log(`\n${rows.map((x) => `| ${x.join(' | ')} |`).join('\n')}`);
  console.log(`\nfresh database over the final inputs: reports#${never}; after ${TRIALS} killed runs: reports#${last} (${never === last ? 'same' : 'DIFFERENT'})`);
} catch (e) {
  fail.push((e as Error).stack ?? String(e));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(fail.length === 0 ? `\nkill test passed: ${TRIALS} trials` : `\nkill test FAILED:\n${fail.join('\n')}`);
process.exitCode = fail.length === 0 ? 0 : 1;
