// The extraction spool's temp folders never pile up (issue 8, point 10): a killed run's are
// removed by the next run, and a run removes its own on exit, on SIGINT and on SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAll } from '../pipeline/stages.ts';
import { CORPUS } from './helpers.ts';

const BIN = path.resolve('bin/xxgk.js');
let dir: string;
let tmp: string;
let input: string;
const savedTmp = process.env.TMPDIR;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-spooldir-'));
  tmp = path.join(dir, 'tmp'); // this test's own TMPDIR: other runs' folders are not ours to look at
  fs.mkdirSync(tmp);
  process.env.TMPDIR = tmp;
  input = path.join(dir, 'raw');
  fs.mkdirSync(input);
  fs.copyFileSync(path.join(CORPUS, 'pingtan_2022_1.txt'), path.join(input, 'a.txt'));
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A PID that no process has any more. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
}

describe('spool folders', () => {
  it('a run removes those of runs whose process is gone, keeps a live run’s, and leaves none of its own', async () => {
    const stale = path.join(tmp, `xxgk-spool-${deadPid()}-abc123`);
    const live = path.join(tmp, `xxgk-spool-${process.ppid}-def456`); // the test runner: alive
    for (const d of [stale, live]) {
      fs.mkdirSync(d);
      fs.writeFileSync(path.join(d, 'extracted_cells-w0.ndjson'), '{}\n');
    }
    await runAll({ db: path.join(dir, 'x.duckdb'), input, log: () => {} });
    expect(fs.readdirSync(tmp)).toEqual([path.basename(live)]);
    // also when the next run has nothing to extract
    fs.mkdirSync(stale);
    await runAll({ db: path.join(dir, 'x.duckdb'), input, log: () => {} });
    expect(fs.readdirSync(tmp)).toEqual([path.basename(live)]);
  });

  it('a run removes the draft database a killed run left beside the database (its copy, WAL and spill folder)', async () => {
    const db = path.join(dir, 'x.duckdb');
    await runAll({ db, input, log: () => {} });
    const draft = `${db}.draft-${deadPid()}`;
    fs.copyFileSync(db, draft);
    fs.writeFileSync(`${draft}.wal`, 'x');
    fs.mkdirSync(`${draft}.tmp`);
    await runAll({ db, input, log: () => {} });
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('x.duckdb'))).toEqual(['x.duckdb']);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('a run interrupted by %s during extraction removes its spool folder', async (signal) => {
    // enough files for extraction to last a few seconds on one thread
    const files = fs.readdirSync(CORPUS).filter((f) => !f.endsWith('.gold.json') && !f.endsWith('.md'));
    for (let i = 0; i < 8; i++) for (const f of files) fs.copyFileSync(path.join(CORPUS, f), path.join(input, `${i}-${f}`));
    const child = spawn('node', [BIN, 'run', input, '--db', path.join(dir, 'x.duckdb'), '--jobs', '1'], { env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    const mine = () => fs.readdirSync(tmp).filter((n) => n.startsWith(`xxgk-spool-${child.pid}-`));
    const t0 = Date.now();
    while (mine().length === 0 && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 20));
    expect(mine()).toHaveLength(1);
    child.kill(signal);
    expect(await exited).toBe(signal); // it still dies of the signal
    expect(fs.readdirSync(tmp).filter((n) => n.startsWith('xxgk-'))).toEqual([]); // tsx keeps its cache there too
    // nor the draft of the database it was writing
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('x.duckdb'))).toEqual([]);
  });
});
